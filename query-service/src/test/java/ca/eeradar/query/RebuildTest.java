package ca.eeradar.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.InvitationLikely;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drop the read model, replay the topics, get the same bytes. Runs over its own rounds of 2050
 * (numbers 50xx) plus whatever the other test classes left in the topics (corrections, erasures,
 * poison records), which makes the comparison stronger.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class RebuildTest {
    static final String READER = TestTokens.bearer(TestTokens.READER);
    static final List<String> SAMPLE = List.of(
            "/api/v1/draws?limit=10",
            "/api/v1/draws?from=2050-01-01&to=2050-12-31",
            "/api/v1/draws/5002",
            "/api/v1/draws/5001",
            "/api/v1/draws/latest",
            "/api/v1/draws/latest?roundType=PROGRAM",
            "/api/v1/draws/stats?groupBy=year",
            "/api/v1/draws/stats?groupBy=program",
            "/api/v1/draws/stats?groupBy=category",
            "/api/v1/pool/latest",
            "/api/v1/pool?limit=10",
            "/api/v1/candidates/cand-rebuild-1/status",
            "/api/v1/candidates/cand-rebuild-1/invitations");

    static Response get(String path) {
        return given().header("Authorization", READER).when().get(path);
    }

    @Test
    void rebuildFromTheTopicsGivesByteIdenticalAnswers() {
        Draw.Pool pool = new Draw.Pool(
                LocalDate.of(2050, 2, 1), 1000, List.of(new Draw.Band(501, 1200, 100), new Draw.Band(0, 500, 900)));
        Draw general = TopicEvents.draw(
                "5001", LocalDate.of(2050, 2, 3), Draw.RoundType.GENERAL, null, null, 900, 505, pool, 1);
        Draw cec = TopicEvents.draw(
                "5002", LocalDate.of(2050, 2, 10), Draw.RoundType.PROGRAM, Program.CEC, null, 900, 490, null, 1);
        Draw cec2 = new Draw(
                cec.number(),
                cec.date(),
                cec.drawnAt(),
                cec.name(),
                cec.roundType(),
                cec.program(),
                null,
                null,
                cec.eligiblePrograms(),
                950,
                488,
                cec.tieBreakAt(),
                null,
                2,
                cec.source());
        TopicEvents.draw(general, TopicEvents.at(general));
        TopicEvents.draw(cec, TopicEvents.at(cec));
        TopicEvents.draw(cec2, TopicEvents.at(cec2));
        TopicEvents.evaluated(
                new DrawEvaluated("5002", 2, 3, 2, 1, 4), TopicEvents.at(cec2).plusSeconds(2));
        TopicEvents.scored(new CandidateScored(
                "cand-rebuild-1",
                1,
                LocalDate.of(2050, 2, 11),
                512,
                new CandidateScored.Sections(450, 0, 50, 12),
                "2025-03-25",
                List.of(Program.CEC),
                List.of(),
                List.of(),
                Instant.parse("2050-02-11T03:00:00Z")));
        TopicEvents.invitation(new InvitationLikely(
                "5002",
                2,
                cec.date(),
                "cand-rebuild-1",
                512,
                488,
                24,
                InvitationLikely.TieBreak.NOT_NEEDED,
                "PROGRAM:CEC",
                "2025-03-25",
                Instant.parse("2050-02-10T18:00:00Z")));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response inv = get("/api/v1/candidates/cand-rebuild-1/invitations");
            Response draw = get("/api/v1/draws/5002");
            return inv.statusCode() == 200
                    && inv.jsonPath().getList("items").size() == 1
                    && draw.statusCode() == 200
                    && draw.jsonPath().getInt("revisions") == 2
                    && draw.jsonPath().get("evaluation") != null
                    && get("/api/v1/draws/5001").statusCode() == 200;
        });

        Map<String, byte[]> before = new LinkedHashMap<>();
        Map<String, String> asOfBefore = new LinkedHashMap<>();
        for (String path : SAMPLE) {
            Response r = get(path);
            r.then().statusCode(200);
            before.put(path, r.asByteArray());
            asOfBefore.put(path, r.header("X-Data-As-Of"));
        }

        given().header("Authorization", READER)
                .when()
                .post("/api/v1/admin/read-model/rebuild")
                .then()
                .statusCode(403);
        Response rebuilt = given().header("Authorization", TestTokens.bearer(TestTokens.ADMIN))
                .when()
                .post("/api/v1/admin/read-model/rebuild");
        rebuilt.then()
                .statusCode(200)
                .body("replayed.'express-entry.draws'", greaterThanOrEqualTo(3))
                .body("replayed.'express-entry.invitation-likely'", greaterThanOrEqualTo(1))
                .body("replayed.'express-entry.candidate-scores'", greaterThanOrEqualTo(1))
                .body("replayed.'express-entry.draw-evaluations'", greaterThanOrEqualTo(1));
        assertNotNull(rebuilt.jsonPath().get("skipped"));

        for (String path : SAMPLE) {
            Response r = get(path);
            r.then().statusCode(200);
            assertArrayEquals(before.get(path), r.asByteArray(), path + " differs after the rebuild: " + r.asString());
            assertEquals(asOfBefore.get(path), r.header("X-Data-As-Of"), path);
        }
        get("/api/v1/draws/5002").then().body("revision", equalTo(2)).body("crsCutoff", equalTo(488));
    }
}
