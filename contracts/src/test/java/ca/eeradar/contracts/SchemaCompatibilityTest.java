package ca.eeradar.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schemas are a public API: src/test/resources/released/ holds a copy of every released schema,
 * and the current schemas may only add optional properties to them. A breaking change is a new
 * ce_type version with a new schema file; when a version is released, copy its schema there.
 */
class SchemaCompatibilityTest {
    private static final String RELEASED = "released/schemas";

    @Test
    void currentSchemasOnlyAddOptionalPropertiesToTheReleasedOnes() throws IOException, URISyntaxException {
        List<String> released = releasedSchemaFiles();
        assertTrue(
                released.containsAll(List.of(
                        "draw.v1.schema.json",
                        "invitation-likely.v1.schema.json",
                        "draw-evaluated.v1.schema.json",
                        "candidate-scored.v1.schema.json",
                        "candidate-scored.v2.schema.json",
                        "candidate-erased.v1.schema.json")),
                released.toString());

        for (String file : released) {
            String current = "schemas/" + file;
            assertTrue(SchemaDocuments.exists(current), "released schema " + file + " still exists");
            assertEquals(
                    List.of(),
                    SchemaCompatibility.breakingChanges(
                            SchemaDocuments.json(RELEASED + "/" + file), SchemaDocuments.json(current)),
                    file);
        }
    }

    @Test
    void addingAnOptionalPropertyIsCompatible() {
        assertEquals(
                List.of(),
                changesAfter(n -> ((ObjectNode) n.get("properties"))
                        .putObject("lotteryTicket")
                        .put("type", "string")
                        .put("description", "new, optional")));
    }

    @Test
    void breakingChangesAreReported() {
        assertEquals(
                List.of("/properties/tieBreakAt: removed"),
                changesAfter(n -> ((ObjectNode) n.get("properties")).remove("tieBreakAt")));
        assertEquals(
                List.of("/: property lotteryTicket became required"),
                changesAfter(n -> ((ArrayNode) n.get("required")).add("lotteryTicket")));
        assertEquals(
                List.of("/properties/crsCutoff: type changed from [integer] to [string]"),
                changesAfter(n -> ((ObjectNode) n.at("/properties/crsCutoff")).put("type", "string")));
        assertEquals(
                List.of("/properties/categoryVersion: type changed from [null, string] to [string]"),
                changesAfter(n -> ((ObjectNode) n.at("/properties/categoryVersion")).put("type", "string")));
        assertEquals(
                List.of("/$defs/Source/properties/receivedAt: format changed from \"date-time\" to \"date\""),
                changesAfter(n -> ((ObjectNode) n.at("/$defs/Source/properties/receivedAt")).put("format", "date")));
        assertEquals(
                List.of(
                        "/$defs/RoundType: enum changed from [CATEGORY, GENERAL, PROGRAM] to [CATEGORY, GENERAL, LOTTERY, PROGRAM]"),
                changesAfter(n -> ((ArrayNode) n.at("/$defs/RoundType/enum")).add("LOTTERY")));
        List<String> nullabilityDropped = changesAfter(n -> ((ArrayNode) n.at("/properties/pool/anyOf")).remove(1));
        assertEquals(1, nullabilityDropped.size(), nullabilityDropped.toString());
        assertTrue(nullabilityDropped.get(0).startsWith("/properties/pool: anyOf changed"), nullabilityDropped.get(0));
    }

    private static List<String> changesAfter(Consumer<ObjectNode> edit) {
        JsonNode released = SchemaDocuments.json(RELEASED + "/draw.v1.schema.json");
        ObjectNode current = (ObjectNode) released.deepCopy();
        edit.accept(current);
        return SchemaCompatibility.breakingChanges(released, current);
    }

    private static List<String> releasedSchemaFiles() throws IOException, URISyntaxException {
        URL dir = SchemaCompatibilityTest.class.getClassLoader().getResource(RELEASED);
        assertTrue(dir != null && "file".equals(dir.getProtocol()), "released schemas on the test classpath");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".schema.json"))
                    .sorted()
                    .toList();
        }
    }
}
