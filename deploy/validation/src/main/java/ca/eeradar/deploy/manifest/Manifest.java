package ca.eeradar.deploy.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One YAML document, as written or as rendered by Kustomize, with the file it was written in.
 *
 * @param origin the source file, relative to the repository root (for rendered documents: the file
 *               Kustomize read it from, from its {@code config.kubernetes.io/origin} annotation)
 * @param body   the document, without the origin annotation
 */
public record Manifest(String origin, JsonNode body) {

    public String apiVersion() {
        return body.path("apiVersion").asText("");
    }

    public String kind() {
        return body.path("kind").asText("");
    }

    public String name() {
        return body.path("metadata").path("name").asText("");
    }

    public String describe() {
        return kind() + " " + name();
    }

    public boolean is(String kind) {
        return kind().equals(kind);
    }

    public ObjectNode object() {
        return (ObjectNode) body;
    }
}
