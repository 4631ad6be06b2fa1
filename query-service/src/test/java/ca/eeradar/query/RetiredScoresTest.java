package ca.eeradar.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.CandidateScoredV1;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import ca.eeradar.query.readmodel.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A retired CandidateScored v1, still on the compacted topic until the candidate's next record, is
 * projected like a v2 and its timeline (birthdays, test dates) is neither stored nor answered.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class RetiredScoresTest {
    private static final String READER = TestTokens.bearer(TestTokens.READER);

    @Inject
    DataSource ds;

    @Test
    void aV1ScoreIsProjectedWithoutItsTimelineAndAV2ReplacesIt() {
        String id = "cand-v1-1";
        String status = "/api/v1/candidates/" + id + "/status";
        TopicEvents.scoredV1(new CandidateScoredV1(
                id,
                1,
                LocalDate.of(2081, 3, 17),
                Instant.parse("2081-03-17T03:00:00Z"),
                495,
                new CandidateScored.Sections(425, 0, 50, 20),
                "2025-03-25",
                List.of(Program.CEC),
                List.of(),
                List.of(new CandidateScoredV1.TimelineEntry(LocalDate.of(2081, 6, 14), "turns 31", 489)),
                List.of()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().header("Authorization", READER).get(status).statusCode() == 200);

        given().header("Authorization", READER)
                .get(status)
                .then()
                .body("total", equalTo(495))
                .body("asOf", equalTo("2081-03-17"))
                .body("$", not(hasKey("timeline")));
        String stored = storedPayload(id);
        assertFalse(stored.contains("timeline") || stored.contains("turns"), stored);

        TopicEvents.scored(new CandidateScored(
                id,
                1,
                LocalDate.of(2081, 4, 1),
                489,
                new CandidateScored.Sections(419, 0, 50, 20),
                "2025-03-25",
                List.of(Program.CEC),
                List.of(),
                List.of(),
                Instant.parse("2081-04-01T04:05:00Z")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().header("Authorization", READER)
                                .get(status)
                                .jsonPath()
                                .getInt("total")
                        == 489);
        given().header("Authorization", READER).get(status).then().body("asOf", equalTo("2081-04-01"));
        assertEquals(
                List.of(),
                Sql.query(ds, "select 1 from candidate_score where payload like '%timeline%'", List.of(), rs -> 1));
    }

    private String storedPayload(String id) {
        return Sql.query(
                        ds,
                        "select payload from candidate_score where candidate_id = ?",
                        List.of(id),
                        rs -> rs.getString(1))
                .get(0);
    }
}
