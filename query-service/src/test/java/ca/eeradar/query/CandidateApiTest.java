package ca.eeradar.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.eeradar.contracts.CandidateErased;
import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.InvitationLikely;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.Category;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pool, candidate status, invitations and erasure over rounds of 2080 (numbers 80xx): the newest of all test data. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class CandidateApiTest {
    static final String READER = TestTokens.bearer(TestTokens.READER);
    static final Draw.Pool POOL_JAN_08 = new Draw.Pool(
            LocalDate.of(2080, 1, 8),
            50000,
            List.of(new Draw.Band(601, 1200, 90), new Draw.Band(501, 600, 1900), new Draw.Band(0, 500, 48010)));
    static final Draw.Pool POOL_JAN_18 = new Draw.Pool(
            LocalDate.of(2080, 1, 18),
            54600,
            List.of(
                    new Draw.Band(601, 1200, 100),
                    new Draw.Band(501, 600, 2000),
                    new Draw.Band(491, 500, 1000),
                    new Draw.Band(481, 490, 1500),
                    new Draw.Band(0, 480, 50000)));
    static final Draw GENERAL = TopicEvents.draw(
            "8001", LocalDate.of(2080, 1, 10), Draw.RoundType.GENERAL, null, null, 3000, 520, POOL_JAN_08, 1);
    static final Draw CEC = TopicEvents.draw(
            "8002", LocalDate.of(2080, 1, 20), Draw.RoundType.PROGRAM, Program.CEC, null, 2000, 480, POOL_JAN_18, 1);
    static final Draw TRADES = TopicEvents.draw(
            "8003", LocalDate.of(2080, 2, 1), Draw.RoundType.CATEGORY, null, Category.TRADES, 1500, 430, null, 1);
    static final Draw FSW = TopicEvents.draw(
            "8004", LocalDate.of(2080, 2, 5), Draw.RoundType.PROGRAM, Program.FSW, null, 500, 500, null, 1);
    static final Draw PNP = TopicEvents.draw(
            "8005", LocalDate.of(2080, 2, 10), Draw.RoundType.PROGRAM, Program.PNP, null, 800, 700, null, 1);
    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (!seeded) {
            for (Draw d : List.of(GENERAL, CEC, TRADES, FSW, PNP)) {
                TopicEvents.draw(d, TopicEvents.at(d));
            }
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> get("/api/v1/draws/8005").statusCode() == 200
                            && get("/api/v1/draws/8001").statusCode() == 200
                            && get("/api/v1/draws/8002").statusCode() == 200
                            && get("/api/v1/draws/8003").statusCode() == 200
                            && get("/api/v1/draws/8004").statusCode() == 200);
            seeded = true;
        }
    }

    static Response get(String path) {
        return given().header("Authorization", READER).when().get(path);
    }

    static CandidateScored scored(String id, long version, LocalDate asOf, int total, Instant at) {
        return new CandidateScored(
                id,
                version,
                asOf,
                total,
                new CandidateScored.Sections(total - 70, 0, 50, 20),
                "2025-03-25",
                List.of(Program.CEC, Program.FSW),
                List.of(new CandidateScored.CategoryEligibility(Category.TRADES, "2080-Version 1")),
                List.of(),
                at);
    }

    static InvitationLikely invitation(String candidate, Draw d, int revision, int score) {
        return new InvitationLikely(
                d.number(),
                revision,
                d.date(),
                candidate,
                score,
                d.crsCutoff(),
                score - d.crsCutoff(),
                InvitationLikely.TieBreak.NOT_NEEDED,
                d.program() != null ? "PROGRAM:" + d.program() : "GENERAL",
                "2025-03-25",
                d.drawnAt().plusSeconds(3600 + revision));
    }

    @Test
    void poolLatestAndPerDateWithPages() {
        get("/api/v1/pool/latest")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("max-age="))
                .body("asOf", equalTo("2080-01-18"))
                .body("total", equalTo(54600))
                .body("bands.min", equalTo(List.of(601, 501, 491, 481, 0)))
                .body("bands.max", equalTo(List.of(1200, 600, 500, 490, 480)))
                .body("bands.count", equalTo(List.of(100, 2000, 1000, 1500, 50000)));
        get("/api/v1/pool?from=2080-01-01&to=2080-12-31")
                .then()
                .statusCode(200)
                .body("items.asOf", equalTo(List.of("2080-01-18", "2080-01-08")))
                .body("items[1].total", equalTo(50000))
                .body("nextCursor", nullValue());
        Response first = get("/api/v1/pool?from=2080-01-01&to=2080-12-31&limit=1");
        first.then().body("items.asOf", equalTo(List.of("2080-01-18")));
        String cursor = first.jsonPath().getString("nextCursor");
        get("/api/v1/pool?from=2080-01-01&to=2080-12-31&limit=1&cursor=" + cursor)
                .then()
                .body("items.asOf", equalTo(List.of("2080-01-08")))
                .body("nextCursor", nullValue());
        get("/api/v1/pool?from=yesterday").then().statusCode(400).body("errors[0].field", equalTo("from"));

        String etag = get("/api/v1/pool/latest").header("ETag");
        given().header("Authorization", READER)
                .header("If-None-Match", etag)
                .when()
                .get("/api/v1/pool/latest")
                .then()
                .statusCode(304);
    }

    @Test
    void statusHasScoreMarginsAndRankButNoTimeline() {
        Instant at = Instant.parse("2080-03-01T03:00:00Z");
        TopicEvents.scored(scored("cand-status-1", 1, LocalDate.of(2080, 3, 1), 495, at));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/api/v1/candidates/cand-status-1/status").statusCode() == 200);
        Response r = get("/api/v1/candidates/cand-status-1/status");
        r.then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-cache"))
                .body("candidateId", equalTo("cand-status-1"))
                .body("total", equalTo(495))
                .body("asOf", equalTo("2080-03-01"))
                .body("sections.core", equalTo(425))
                .body("sections.transferability", equalTo(50))
                .body("programs", equalTo(List.of("CEC", "FSW")))
                .body(
                        "eligibility.basis",
                        equalTo(List.of("GENERAL", "PROGRAM:CEC", "PROGRAM:FSW", "CATEGORY:TRADES/2080-Version 1")))
                .body("eligibility.lastDraw.number", equalTo(List.of("8001", "8002", "8004", "8003")))
                .body("eligibility.lastDraw.crsCutoff", equalTo(List.of(520, 480, 500, 430)))
                .body("eligibility.margin", equalTo(List.of(-25, 15, -5, 65)))
                // pool of 2080-01-18: 2,100 above 500; 495 is half-way down the 1,000 of 491-500
                .body("rank.poolAsOf", equalTo("2080-01-18"))
                .body("rank.poolTotal", equalTo(54600))
                .body("rank.best", equalTo(2101))
                .body("rank.estimate", equalTo(2601))
                .body("rank.worst", equalTo(3100))
                .body("rank.band.min", equalTo(491))
                // The dated timeline gives birthdays and test dates away: it is on scoring-service's API only.
                .body("$", not(hasKey("timeline")));

        // a newer profile version replaces it; the older one redelivered afterwards changes nothing
        TopicEvents.scored(scored("cand-status-1", 2, LocalDate.of(2080, 3, 2), 501, at.plusSeconds(86400)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/api/v1/candidates/cand-status-1/status")
                                .jsonPath()
                                .getInt("total")
                        == 501);
        byte[] before = get("/api/v1/candidates/cand-status-1/status").asByteArray();
        TopicEvents.scored(scored("cand-status-1", 1, LocalDate.of(2080, 3, 1), 495, at));
        TopicEvents.scored(scored("cand-status-1", 2, LocalDate.of(2080, 3, 2), 501, at.plusSeconds(86400)));
        TopicEvents.barrier(Topics.CANDIDATE_SCORES, "cand-status-1");
        Response after = get("/api/v1/candidates/cand-status-1/status");
        after.then().body("profileVersion", equalTo(2)).body("rank.band.min", equalTo(501));
        assertArrayEquals(before, after.asByteArray());
    }

    @Test
    void invitationsNewestFirstWithTheRoundAndCorrectionsVoidingThem() {
        String id = "cand-inv-1";
        TopicEvents.scored(scored(id, 1, LocalDate.of(2080, 3, 1), 530, Instant.parse("2080-03-01T03:00:00Z")));
        TopicEvents.invitation(invitation(id, GENERAL, 1, 530));
        TopicEvents.invitation(invitation(id, CEC, 1, 530));
        TopicEvents.invitation(invitation(id, PNP, 1, 730));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response r = get("/api/v1/candidates/" + id + "/invitations");
            return r.statusCode() == 200 && r.jsonPath().getList("items").size() == 3;
        });
        get("/api/v1/candidates/" + id + "/invitations")
                .then()
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("items.drawNumber", equalTo(List.of("8005", "8002", "8001")))
                .body("items[1].drawName", equalTo("Program CEC"))
                .body("items[1].roundType", equalTo("PROGRAM"))
                .body("items[1].category", nullValue())
                .body("items[1].score", equalTo(530))
                .body("items[1].cutoff", equalTo(480))
                .body("items[1].margin", equalTo(50))
                .body("items[1].tieBreak", equalTo("NOT_NEEDED"))
                .body("items[1].basis", equalTo("PROGRAM:CEC"))
                .body("items[2].roundType", equalTo("GENERAL"))
                .body("nextCursor", nullValue());

        // redelivery changes nothing
        byte[] before = get("/api/v1/candidates/" + id + "/invitations").asByteArray();
        TopicEvents.invitation(invitation(id, CEC, 1, 530));
        TopicEvents.barrier(Topics.INVITATION_LIKELY, id);
        assertArrayEquals(
                before, get("/api/v1/candidates/" + id + "/invitations").asByteArray());

        // round 8005 corrected (cutoff up), re-evaluated without this candidate: the old invitation is void
        Draw corrected = new Draw(
                PNP.number(),
                PNP.date(),
                PNP.drawnAt(),
                PNP.name(),
                PNP.roundType(),
                PNP.program(),
                null,
                null,
                PNP.eligiblePrograms(),
                800,
                760,
                PNP.tieBreakAt(),
                null,
                2,
                PNP.source());
        TopicEvents.draw(corrected, TopicEvents.at(corrected));
        TopicEvents.evaluated(
                new DrawEvaluated("8005", 2, 10, 5, 0, 3),
                TopicEvents.at(corrected).plusSeconds(1));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/api/v1/candidates/" + id + "/invitations")
                                .jsonPath()
                                .getList("items")
                                .size()
                        == 2);
        get("/api/v1/candidates/" + id + "/invitations")
                .then()
                .body("items.drawNumber", equalTo(List.of("8002", "8001")));
    }

    @Test
    void erasureForgetsTheCandidateAndOlderEventsDoNotBringItBack() {
        String id = "cand-erase-1";
        CandidateScored old = scored(id, 1, LocalDate.of(2080, 3, 1), 530, Instant.parse("2080-03-01T03:00:00Z"));
        TopicEvents.scored(old);
        TopicEvents.invitation(invitation(id, GENERAL, 1, 530));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/api/v1/candidates/" + id + "/status").statusCode() == 200
                        && get("/api/v1/candidates/" + id + "/invitations")
                                        .jsonPath()
                                        .getList("items")
                                        .size()
                                == 1);

        TopicEvents.erased(new CandidateErased(id, 1, Instant.parse("2080-03-02T00:00:00Z")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/api/v1/candidates/" + id + "/status").statusCode() == 404);
        get("/api/v1/candidates/" + id + "/invitations")
                .then()
                .statusCode(404)
                .header("Content-Type", containsString("application/problem+json"));

        // the old facts delivered again (a lagging partition, a replay) stay forgotten
        TopicEvents.scored(old);
        TopicEvents.invitation(invitation(id, GENERAL, 1, 530));
        TopicEvents.barrier(Topics.CANDIDATE_SCORES, id);
        TopicEvents.barrier(Topics.INVITATION_LIKELY, id);
        get("/api/v1/candidates/" + id + "/status").then().statusCode(404);
        get("/api/v1/candidates/" + id + "/invitations").then().statusCode(404);

        // a profile created again after the erasure is a new candidate
        TopicEvents.scored(scored(id, 1, LocalDate.of(2080, 3, 5), 470, Instant.parse("2080-03-05T00:00:00Z")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/api/v1/candidates/" + id + "/status").statusCode() == 200);
        get("/api/v1/candidates/" + id + "/status").then().body("total", equalTo(470));
        get("/api/v1/candidates/" + id + "/invitations").then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void unknownAndBadCandidates() {
        get("/api/v1/candidates/nobody-here/status").then().statusCode(404).body("status", equalTo(404));
        get("/api/v1/candidates/nobody-here/invitations").then().statusCode(404);
        Response bad = get("/api/v1/candidates/bad id!/status");
        bad.then().statusCode(400).header("Content-Type", containsString("application/problem+json"));
        List<Map<String, String>> errors = bad.jsonPath().getList("errors");
        assertEquals("candidateId", errors.get(0).get("field"));
        assertNull(given().when()
                .get("/api/v1/candidates/nobody-here/status")
                .then()
                .statusCode(401)
                .extract()
                .header("ETag"));
    }
}
