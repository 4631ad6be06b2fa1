package ca.eeradar.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The vectors through the Java API (fast, pinpoints an engine bug); the endpoint test runs them over HTTP. */
class VectorsEngineTest {
    private static final CrsEngine ENGINE = CrsEngine.withOfficialRules();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    static Stream<CrsVectors.Vector> vectors() {
        List<CrsVectors.Vector> all = CrsVectors.load();
        assertEquals(28, all.size());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void sectionBySection(CrsVectors.Vector vector) {
        ScoreReport report = ENGINE.score(vector.profile(), CrsVectors.AS_OF);
        JsonNode actual = JSON.valueToTree(report);
        assertEquals("2025-03-25", report.rulesVersion());
        assertEquals(
                vector.expected().get("scoredWithSpouse").asBoolean(),
                report.scoredWithSpouse(),
                vector.id() + " scoredWithSpouse");
        for (String section : List.of("core", "spouse", "transferability", "additional")) {
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>)
                    () -> vector.expected().get(section).fields()) {
                assertEquals(
                        e.getValue().asInt(),
                        actual.get(section).get(e.getKey()).asInt(),
                        vector.id() + " " + section + "." + e.getKey());
            }
        }
        assertEquals(vector.expected().get("total").asInt(), report.total(), vector.id() + " total");
        assertEquals(
                report.total(),
                ENGINE.assess(vector.profile(), CrsVectors.AS_OF).total(),
                vector.id() + " assess total");
    }
}
