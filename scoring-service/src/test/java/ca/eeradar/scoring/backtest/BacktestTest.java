package ca.eeradar.scoring.backtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import ca.eeradar.scoring.evaluation.Profiles;
import ca.eeradar.scoring.evaluation.Rounds;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The backtest reads the local copy of the rounds, old ones included (kept but never evaluated). */
@QuarkusTest
@QuarkusTestResource(
        value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class BacktestTest {
    private static final String WRITER = TestTokens.bearer(TestTokens.WRITER);

    @Test
    void candidateAgainstEveryStoredRoundOfThePeriod() throws Exception {
        Rounds.awaitReady();
        String id = "b-" + UUID.randomUUID();
        Rounds.store(id, Profiles.base().submittedAt("2026-01-15T10:00:00Z"));
        // An old round (stored for the backtest only) the candidate clears, and one they do not.
        String low = Rounds.newNumber();
        String high = Rounds.newNumber();
        LocalDate day = LocalDate.of(2026, 6, 10);
        Rounds.announce(new Draw(
                low,
                day,
                Instant.parse("2026-06-10T15:00:00Z"),
                "t",
                Draw.RoundType.PROGRAM,
                Program.CEC,
                null,
                null,
                List.of(),
                10,
                300,
                null,
                null,
                1,
                null));
        Rounds.announce(new Draw(
                high,
                day,
                Instant.parse("2026-06-10T16:00:00Z"),
                "t",
                Draw.RoundType.PROGRAM,
                Program.FSW,
                null,
                null,
                List.of(),
                10,
                1200,
                null,
                null,
                1,
                null));

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    List<String> numbers = given().header("Authorization", WRITER)
                            .queryParam("from", "2026-06-10")
                            .queryParam("to", "2026-06-10")
                            .get("/api/v1/candidates/{id}/backtest", id)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("rounds.drawNumber");
                    return numbers.contains(low) && numbers.contains(high);
                });
        JsonPath body = given().header("Authorization", WRITER)
                .queryParam("from", "2026-06-10")
                .queryParam("to", "2026-06-10")
                .get("/api/v1/candidates/{id}/backtest", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> lowRound = body.getMap("rounds.find { it.drawNumber == '" + low + "' }");
        Map<String, Object> highRound = body.getMap("rounds.find { it.drawNumber == '" + high + "' }");
        assertEquals(true, lowRound.get("likely"));
        assertEquals("LIKELY", lowRound.get("reason"));
        assertEquals("PROGRAM:CEC", lowRound.get("basis"));
        assertEquals("2025-03-25", lowRound.get("rulesVersion"), "the rules of the round's date");
        assertEquals(false, highRound.get("likely"));
        assertEquals(true, highRound.get("inPool"));
    }

    @Test
    void badDatesAre400AndUnknownCandidate404() {
        given().header("Authorization", WRITER)
                .queryParam("from", "2026-13-01")
                .queryParam("to", "yesterday")
                .get("/api/v1/candidates/{id}/backtest", "nobody")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("from"))
                .body("errors.field", hasItem("to"));
        given().header("Authorization", WRITER)
                .get("/api/v1/candidates/{id}/backtest", "nobody-" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }
}
