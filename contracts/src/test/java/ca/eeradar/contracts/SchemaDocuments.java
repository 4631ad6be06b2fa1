package ca.eeradar.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Loads the contract documents from the classpath and validates payloads against the schemas. */
final class SchemaDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // format is only an annotation in 2020-12 unless asserted: without this, "2026-13-45" would pass as a date.
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private SchemaDocuments() {}

    static JsonNode json(String resource) {
        try (InputStream in = open(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(String resource) {
        try (InputStream in = open(resource)) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(String resource) {
        return SchemaDocuments.class.getClassLoader().getResource(resource) != null;
    }

    /** The payload as consumers see it: serialized by EventJson, read back as a tree. */
    static JsonNode wire(Object payload) {
        try {
            return JSON.readTree(EventJson.write(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates against the schema as a service gets it: through {@link Schemas#open(String)}. */
    static Set<ValidationMessage> validate(String ceType, JsonNode payload) {
        try (InputStream in = Schemas.open(ceType)) {
            return FACTORY.getSchema(JSON.readTree(in), CONFIG).validate(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = SchemaDocuments.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        return in;
    }
}
