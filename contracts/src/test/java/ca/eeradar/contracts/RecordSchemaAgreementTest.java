package ca.eeradar.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java records and the JSON Schemas describe the same payloads: every record component is a
 * schema property of the matching type and every schema property a record component, recursively;
 * every Java enum has exactly the schema's constants; a primitive is never nullable.
 */
class RecordSchemaAgreementTest {

    static Stream<Schemas.Contract> contracts() {
        return Schemas.types().stream().map(Schemas::contract);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void recordAndSchemaAgree(Schemas.Contract contract) {
        JsonNode root = SchemaDocuments.json(contract.schema());
        assertRecord(contract.payload(), root, root, contract.schema());
    }

    private static void assertRecord(Class<?> type, JsonNode node, JsonNode root, String path) {
        JsonNode object = resolve(node, root);
        assertEquals(Set.of("object"), types(object), path + " is an object");
        assertEquals(
                Boolean.FALSE,
                object.path("additionalProperties").isBoolean()
                        ? object.get("additionalProperties").booleanValue()
                        : null,
                path + " closes its properties");

        List<String> components = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        Set<String> properties = names(object.path("properties").fieldNames());
        assertEquals(
                new TreeSet<>(components),
                new TreeSet<>(properties),
                path + ": record components of " + type.getSimpleName() + " vs schema properties");

        Set<String> required = new HashSet<>();
        object.path("required").forEach(r -> required.add(r.asText()));
        assertTrue(properties.containsAll(required), path + ": required names only existing properties " + required);

        for (RecordComponent component : type.getRecordComponents()) {
            String where = path + "." + component.getName();
            JsonNode property = object.get("properties").get(component.getName());
            if (component.getType().isPrimitive()) {
                assertTrue(required.contains(component.getName()), where + " is a primitive: required");
            }
            assertType(component.getGenericType(), property, root, where);
        }
    }

    private static void assertType(Type type, JsonNode property, JsonNode root, String where) {
        boolean nullable = allowsNull(property, root);
        JsonNode schema = resolve(property, root);
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            assertEquals(Set.of("array"), types(schema), where + " is an array");
            JsonNode items = schema.get("items");
            assertFalse(items == null || allowsNull(items, root), where + " has non-null items");
            assertType(list.getActualTypeArguments()[0], items, root, where + "[]");
            return;
        }
        if (!(type instanceof Class<?> c)) {
            fail(where + ": unmapped Java type " + type);
            return;
        }
        if (c.isPrimitive()) {
            assertFalse(nullable, where + " is a primitive: never null");
        }
        if (c == int.class || c == long.class) {
            assertEquals(Set.of("integer"), types(schema), where);
        } else if (c == double.class) {
            assertEquals(Set.of("number"), types(schema), where);
        } else if (c == String.class) {
            assertEquals(Set.of("string"), types(schema), where);
            assertFalse(schema.has("format"), where + " plain text");
        } else if (c == LocalDate.class) {
            assertEquals(Set.of("string"), types(schema), where);
            assertEquals("date", schema.path("format").asText(), where + " is an ISO date");
        } else if (c == Instant.class) {
            assertEquals(Set.of("string"), types(schema), where);
            assertEquals("date-time", schema.path("format").asText(), where + " is an ISO instant");
        } else if (c.isEnum()) {
            assertEquals(Set.of("string"), types(schema), where);
            List<String> constants = Arrays.stream(c.getEnumConstants())
                    .map(e -> ((Enum<?>) e).name())
                    .toList();
            List<String> schemaEnum = new ArrayList<>();
            schema.path("enum").forEach(v -> schemaEnum.add(v.asText()));
            assertEquals(constants, schemaEnum, where + ": constants of " + c.getName());
        } else if (c.isRecord()) {
            assertRecord(c, property, root, where);
        } else {
            fail(where + ": unmapped Java type " + c.getName());
        }
    }

    /** Follows anyOf [X, null] and local $refs to the schema of the non-null value. */
    static JsonNode resolve(JsonNode node, JsonNode root) {
        JsonNode current = node;
        while (true) {
            if (current.has("anyOf")) {
                List<JsonNode> nonNull = new ArrayList<>();
                current.get("anyOf").forEach(branch -> {
                    if (!types(branch).isEmpty() || !branch.has("type")) {
                        nonNull.add(branch);
                    }
                });
                assertEquals(1, nonNull.size(), "anyOf is only used for 'X or null': " + current);
                current = nonNull.get(0);
            } else if (current.has("$ref")) {
                String ref = current.get("$ref").asText();
                assertTrue(ref.startsWith("#/"), "local reference " + ref);
                current = root.at(ref.substring(1));
                assertFalse(current.isMissingNode(), "reference resolves: " + ref);
            } else {
                return current;
            }
        }
    }

    static boolean allowsNull(JsonNode node, JsonNode root) {
        if (node.has("anyOf")) {
            for (JsonNode branch : node.get("anyOf")) {
                if (allowsNull(branch, root)) {
                    return true;
                }
            }
            return false;
        }
        JsonNode type = node.get("type");
        if (type == null) {
            return node.has("$ref") && allowsNull(resolve(node, root), root);
        }
        return type.isArray() ? names(type.elements()).contains("null") : "null".equals(type.asText());
    }

    /** The non-null JSON types a schema node declares. */
    static Set<String> types(JsonNode node) {
        JsonNode type = node.get("type");
        if (type == null) {
            return Set.of();
        }
        Set<String> all = type.isArray() ? names(type.elements()) : Set.of(type.asText());
        return all.stream().filter(t -> !t.equals("null")).collect(Collectors.toSet());
    }

    private static <T> Set<String> names(Iterator<T> it) {
        Set<String> names = new LinkedHashSet<>();
        it.forEachRemaining(v -> names.add(v instanceof JsonNode n ? n.asText() : v.toString()));
        return names;
    }
}
