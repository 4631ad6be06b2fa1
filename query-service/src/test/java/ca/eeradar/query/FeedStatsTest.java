package ca.eeradar.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.contracts.Draw;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.SharedData;
import ca.eeradar.localinfra.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The real IRCC feed (438 rounds) loaded as minimal Draw events; /draws/stats?groupBy=year must
 * match what this test computes from the raw file by itself (drawDate's year, drawSize, drawCRS).
 * Bounded to 2015-2026: other test classes use rounds of 2050 and later.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class FeedStatsTest {

    record Expected(List<Integer> cutoffs, long[] invitations) {}

    @Test
    void statsPerYearMatchTheFeed() throws IOException {
        JsonNode rounds = new ObjectMapper()
                .readTree(SharedData.path("data/ircc/ee_rounds_123_en.json").toFile())
                .get("rounds");
        assertEquals(438, rounds.size());
        Map<String, Expected> expected = new TreeMap<>();
        for (JsonNode r : rounds) {
            String number = r.get("drawNumber").asText().trim();
            LocalDate date = LocalDate.parse(r.get("drawDate").asText().trim());
            int invitations = Integer.parseInt(r.get("drawSize").asText().replaceAll("[,\\s]", ""));
            int cutoff = Integer.parseInt(r.get("drawCRS").asText().trim());
            Expected e = expected.computeIfAbsent(
                    String.valueOf(date.getYear()), y -> new Expected(new ArrayList<>(), new long[1]));
            e.cutoffs().add(cutoff);
            e.invitations()[0] += invitations;
            Instant drawnAt = date.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
            Draw draw = new Draw(
                    number,
                    date,
                    drawnAt,
                    r.get("drawName").asText(),
                    Draw.RoundType.GENERAL,
                    null,
                    null,
                    null,
                    List.of(),
                    invitations,
                    cutoff,
                    null,
                    null,
                    1,
                    new Draw.Source(Draw.SourceKind.IRCC_FEED, "ee_rounds_123_en.json#" + number, drawnAt));
            TopicEvents.draw(draw, drawnAt);
        }

        String path = "/api/v1/draws/stats?groupBy=year&from=2015-01-01&to=2026-12-31";
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            JsonPath stats = given().header("Authorization", TestTokens.bearer(TestTokens.READER))
                    .get(path)
                    .jsonPath();
            List<Integer> counts = stats.getList("groups.rounds", Integer.class);
            return counts.stream().mapToInt(Integer::intValue).sum() == 438;
        });
        JsonPath stats = given().header("Authorization", TestTokens.bearer(TestTokens.READER))
                .get(path)
                .jsonPath();
        assertEquals(List.copyOf(expected.keySet()), stats.getList("groups.group"));
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            List<Integer> cutoffs = e.getValue().cutoffs().stream().sorted().toList();
            int n = cutoffs.size();
            double median = n % 2 == 1 ? cutoffs.get(n / 2) : (cutoffs.get(n / 2 - 1) + cutoffs.get(n / 2)) / 2.0;
            Map<String, Object> g = stats.getMap("groups.find { it.group == '" + e.getKey() + "' }");
            String year = e.getKey();
            assertEquals(n, ((Number) g.get("rounds")).intValue(), year);
            assertEquals(e.getValue().invitations()[0], ((Number) g.get("invitations")).longValue(), year);
            assertEquals(cutoffs.get(0), ((Number) g.get("minCutoff")).intValue(), year);
            assertEquals(median, ((Number) g.get("medianCutoff")).doubleValue(), 0.0, year);
            assertEquals(cutoffs.get(n - 1), ((Number) g.get("maxCutoff")).intValue(), year);
        }
    }
}
