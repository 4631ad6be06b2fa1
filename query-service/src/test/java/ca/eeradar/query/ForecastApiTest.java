package ca.eeradar.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The forecast endpoints over a constructed history no other test uses: the skilled-military-recruits category
 * drawing every 14 days of 2001 at cutoff 450 (IRCC-sourced, so the model reads them), and one demo round of the
 * same stream at cutoff 300 that it must ignore.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class ForecastApiTest {
    static final String READER = TestTokens.bearer(TestTokens.READER);
    static final String STREAM = "CATEGORY:SKILLED_MILITARY_RECRUITS";
    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        LocalDate day = LocalDate.of(2001, 1, 3);
        int n = 0;
        for (; !day.isAfter(LocalDate.of(2001, 12, 19)); day = day.plusDays(14)) {
            TopicEvents.draw(round(String.valueOf(60001 + n), day, 450, Draw.SourceKind.IRCC_FEED), Instant.now());
            n++;
        }
        TopicEvents.draw(round("60100", LocalDate.of(2001, 12, 20), 300, Draw.SourceKind.MANUAL), Instant.now());
        int last = 60000 + n;
        await().atMost(Duration.ofSeconds(90))
                .until(() -> get("/api/v1/draws/" + last).statusCode() == 200
                        && get("/api/v1/draws/60100").statusCode() == 200);
        seeded = true;
    }

    private static Draw round(String number, LocalDate date, int cutoff, Draw.SourceKind source) {
        Instant drawnAt = date.atTime(15, 0).toInstant(ZoneOffset.UTC);
        return new Draw(
                number,
                date,
                drawnAt,
                "Skilled military recruits (Version 1)",
                Draw.RoundType.CATEGORY,
                null,
                Category.SKILLED_MILITARY_RECRUITS,
                "2001-Version 1",
                List.of(Program.FSW, Program.CEC, Program.FST),
                100,
                cutoff,
                null,
                null,
                1,
                new Draw.Source(source, "test", drawnAt.plusSeconds(600)));
    }

    @Test
    void aScoreAboveTheStreamsCutoffIsAlmostSurelyInvitedAndOneBelowAlmostNever() {
        JsonPath above = forecast("score=520&categories=SKILLED_MILITARY_RECRUITS&asOf=2002-01-01");
        JsonPath below = forecast("score=400&categories=SKILLED_MILITARY_RECRUITS&asOf=2002-01-01");
        double above30 = above.getDouble("within.'30'");
        double below180 = below.getDouble("within.'180'");
        assertTrue(above30 > 0.8, "above the cutoff, 30 days: " + above30);
        assertTrue(below180 < 0.2, "below the cutoff (the demo round at 300 is ignored), 180 days: " + below180);
        assertTrue(above.getDouble("within.'90'") >= above30
                && above.getDouble("within.'180'") >= above.getDouble("within.'90'"));
        assertEquals(List.of(STREAM), above.getList("candidate.streams"));
        assertEquals(STREAM, above.getString("streams[0].stream"));
        assertEquals("2002-01-01", above.getString("asOf"));
        assertEquals(
                "2001-12-19", above.getString("dataAsOf"), "the last IRCC round; the demo round of 12-20 is not data");
        assertTrue(above.getString("estimate").startsWith("A statistical estimate"));
        assertTrue(!above.getString("modelVersion").isBlank());
        assertTrue(above.getString("halfwayBy") != null);
        assertNull(below.getString("halfwayBy"));
    }

    @Test
    void roundsOnOrAfterAsOfAreNeverRead() {
        JsonPath early = forecast("score=520&categories=SKILLED_MILITARY_RECRUITS&asOf=2001-01-03");
        assertNull(early.getString("dataAsOf"), "the first round is on asOf itself: nothing is known before it");
        assertTrue(early.getDouble("within.'180'") < 0.2, "no rounds of the stream known: no contribution");
    }

    @Test
    void streamsGiveTheRateAndTheNextCutoffQuantiles() {
        Response r = get("/api/v1/forecasts/streams?asOf=2002-01-01");
        assertEquals(200, r.statusCode());
        List<Map<String, Object>> streams = r.jsonPath().getList("streams");
        Map<String, Object> military = streams.stream()
                .filter(s -> STREAM.equals(s.get("stream")))
                .findFirst()
                .orElseThrow();
        double perMonth = ((Number) military.get("roundsPer30Days")).doubleValue();
        // The last round was on 2001-12-19: the next ones fall on days 1, 15 and 29 after 2002-01-01.
        assertTrue(
                perMonth >= 2.0 && perMonth <= 3.05, "every 14 days, 2 or 3 rounds in the next 30 days: " + perMonth);
        @SuppressWarnings("unchecked")
        Map<String, Object> cutoff = (Map<String, Object>) military.get("nextCutoff");
        int p50 = ((Number) cutoff.get("p50")).intValue();
        assertTrue(Math.abs(p50 - 450) <= 30, "median next cutoff near 450: " + p50);
    }

    @Test
    void badParametersAre400NamingEachOne() {
        expect400("score=1201&programs=CEC", "score");
        expect400("programs=CEC", "score");
        expect400("score=450&programs=XYZ", "programs");
        expect400("score=450&categories=NOPE", "categories");
        expect400("score=450&asOf=2999-01-01", "asOf");
        expect400("score=450&asOf=2026-13-45", "asOf");
        Response both = given().header("Authorization", READER).get("/api/v1/forecasts?score=abc&asOf=yesterday");
        assertEquals(400, both.statusCode());
        assertEquals(List.of("score", "asOf"), both.jsonPath().getList("errors.field"));
        assertEquals(
                400,
                given().header("Authorization", READER)
                        .get("/api/v1/forecasts/streams?asOf=2001-02-30")
                        .statusCode());
    }

    @Test
    void aTokenIsRequired() {
        assertEquals(401, given().get("/api/v1/forecasts?score=450").statusCode());
    }

    private static void expect400(String query, String field) {
        Response r = given().header("Authorization", READER).get("/api/v1/forecasts?" + query);
        assertEquals(400, r.statusCode(), query);
        assertTrue(r.contentType().startsWith("application/problem+json"), query);
        assertEquals(field, r.jsonPath().getString("errors[0].field"), query);
    }

    private static JsonPath forecast(String query) {
        Response r = get("/api/v1/forecasts?" + query);
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath();
    }

    private static Response get(String path) {
        return given().header("Authorization", READER).get(path);
    }
}
