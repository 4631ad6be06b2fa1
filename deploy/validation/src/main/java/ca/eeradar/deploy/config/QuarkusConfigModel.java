package ca.eeradar.deploy.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every Quarkus configuration property of the extensions on the classpath, from the config model each
 * extension jar ships ({@code META-INF/quarkus-config-doc/quarkus-config-model.json}, the data behind the
 * "All configuration options" page), with its environment variable and its phase.
 */
public final class QuarkusConfigModel {
    private static final String RESOURCE = "META-INF/quarkus-config-doc/quarkus-config-model.json";

    /** One property: exact env name, a pattern when it has map keys, and whether it is fixed at build time. */
    public record Property(String property, String env, Pattern envPattern, String phase, String extension) {
        public boolean fixedAtBuildTime() {
            return phase.startsWith("BUILD");
        }
    }

    private final Map<String, Property> byEnv = new HashMap<>();
    private final List<Property> patterned = new ArrayList<>();
    private final List<String> extensions = new ArrayList<>();

    public static QuarkusConfigModel fromClasspath() {
        QuarkusConfigModel model = new QuarkusConfigModel();
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL url : Collections.list(QuarkusConfigModel.class.getClassLoader().getResources(RESOURCE))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode root : json.readTree(in).path("configRoots")) {
                        String extension = root.path("extension").path("artifactId").asText();
                        model.extensions.add(extension);
                        model.collect(root.path("items"), extension);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (model.byEnv.isEmpty()) {
            throw new IllegalStateException("no Quarkus config model on the classpath (" + RESOURCE + ")");
        }
        return model;
    }

    private void collect(JsonNode items, String extension) {
        for (JsonNode item : items) {
            if (item.has("items")) {
                collect(item.path("items"), extension);
            }
            if (!item.has("path")) {
                continue;
            }
            String phase = item.path("phase").asText("RUN_TIME");
            add(item.path("path"), phase, extension);
            for (JsonNode extra : item.path("additionalPaths")) {
                add(extra, phase, extension);
            }
        }
    }

    private void add(JsonNode path, String phase, String extension) {
        String property = path.path("property").asText();
        String env = path.path("environmentVariable").asText(EnvNames.of(property));
        if (property.contains("\"") || property.contains("*")) {
            patterned.add(new Property(property, env, EnvNames.patternOf(property), phase, extension));
        } else {
            byEnv.putIfAbsent(env, new Property(property, env, null, phase, extension));
        }
    }

    public Optional<Property> find(String env) {
        Property exact = byEnv.get(env);
        if (exact != null) {
            return Optional.of(exact);
        }
        return patterned.stream().filter(p -> p.envPattern.matcher(env).matches()).findFirst();
    }

    public List<String> extensions() {
        return List.copyOf(extensions);
    }

    public int size() {
        return byEnv.size() + patterned.size();
    }
}
