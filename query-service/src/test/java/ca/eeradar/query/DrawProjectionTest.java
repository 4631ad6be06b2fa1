package ca.eeradar.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Draw events through the real broker into the real database, and the DLQ. Rounds of 2060, numbers 60xx. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class DrawProjectionTest {
    static final String READER = TestTokens.bearer(TestTokens.READER);
    static final Draw.Pool POOL = new Draw.Pool(
            LocalDate.of(2060, 3, 1),
            1000,
            List.of(new Draw.Band(601, 1200, 10), new Draw.Band(501, 600, 90), new Draw.Band(0, 500, 900)));

    static Response get(String path) {
        return given().header("Authorization", READER).when().get(path);
    }

    static void awaitStatus(String path, int status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> get(path).statusCode() == status);
    }

    @Test
    void announcedRoundIsServedWithTheShapeOfTheEventAndItsEvaluation() {
        Draw d = TopicEvents.draw(
                "6001", LocalDate.of(2060, 3, 4), Draw.RoundType.PROGRAM, Program.CEC, null, 3000, 512, POOL, 1);
        TopicEvents.draw(d, TopicEvents.at(d));
        awaitStatus("/api/v1/draws/6001", 200);
        get("/api/v1/draws/6001")
                .then()
                .statusCode(200)
                .header("Content-Type", containsString("application/json"))
                .header("ETag", notNullValue())
                .header("Cache-Control", containsString("max-age=60"))
                .header("X-Data-As-Of", notNullValue())
                .body("number", equalTo("6001"))
                .body("date", equalTo("2060-03-04"))
                .body("name", equalTo("Program CEC"))
                .body("roundType", equalTo("PROGRAM"))
                .body("program", equalTo("CEC"))
                .body("category", nullValue())
                .body("eligiblePrograms", equalTo(List.of("CEC")))
                .body("invitations", equalTo(3000))
                .body("crsCutoff", equalTo(512))
                .body("tieBreakAt", equalTo(d.tieBreakAt().toString()))
                .body("pool.asOf", equalTo("2060-03-01"))
                .body("pool.total", equalTo(1000))
                .body("pool.bands[1].min", equalTo(501))
                .body("revision", equalTo(1))
                .body("revisions", equalTo(1))
                .body("source.kind", equalTo("MANUAL"))
                .body("evaluation", nullValue());

        TopicEvents.evaluated(
                new DrawEvaluated("6001", 1, 1000, 400, 37, 120),
                TopicEvents.at(d).plusSeconds(5));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/api/v1/draws/6001").jsonPath().get("evaluation") != null);
        get("/api/v1/draws/6001")
                .then()
                .body("evaluation.revision", equalTo(1))
                .body("evaluation.evaluated", equalTo(1000))
                .body("evaluation.eligible", equalTo(400))
                .body("evaluation.likely", equalTo(37))
                .body("evaluation.invitationsRecorded", equalTo(0)); // none of the 37 was published here
    }

    @Test
    void correctionReplacesTheRoundAndRedeliveryChangesNothing() {
        Draw first = TopicEvents.draw(
                "6002", LocalDate.of(2060, 4, 1), Draw.RoundType.GENERAL, null, null, 4000, 507, null, 1);
        TopicEvents.draw(first, TopicEvents.at(first));
        awaitStatus("/api/v1/draws/6002", 200);
        get("/api/v1/draws/6002").then().body("crsCutoff", equalTo(507)).body("revision", equalTo(1));

        // IRCC corrected a published cutoff (507 -> 490 happened in 2023): revision 2 replaces revision 1.
        Draw corrected = new Draw(
                first.number(),
                first.date(),
                first.drawnAt(),
                first.name(),
                first.roundType(),
                null,
                null,
                null,
                first.eligiblePrograms(),
                4000,
                490,
                first.tieBreakAt(),
                null,
                2,
                first.source());
        TopicEvents.draw(corrected, TopicEvents.at(corrected));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/api/v1/draws/6002").jsonPath().getInt("revision") == 2);
        Response before = get("/api/v1/draws/6002");
        before.then().body("crsCutoff", equalTo(490)).body("revisions", equalTo(2));

        // Redelivery of both revisions, in the wrong order, then a barrier with the same key.
        TopicEvents.draw(corrected, TopicEvents.at(corrected));
        TopicEvents.draw(first, TopicEvents.at(first));
        TopicEvents.barrier(Topics.DRAWS, "6002");
        Response after = get("/api/v1/draws/6002");
        assertArrayEquals(before.asByteArray(), after.asByteArray());
        assertEquals(before.header("ETag"), after.header("ETag"));
    }

    @Test
    void outOfOrderRevisionsKeepTheHighest() {
        Draw r3 = TopicEvents.draw(
                "6003",
                LocalDate.of(2060, 5, 1),
                Draw.RoundType.CATEGORY,
                null,
                Category.HEALTHCARE_SOCIAL_SERVICES,
                2500,
                470,
                null,
                3);
        Draw r2 = new Draw(
                r3.number(),
                r3.date(),
                r3.drawnAt(),
                r3.name(),
                r3.roundType(),
                null,
                r3.category(),
                r3.categoryVersion(),
                r3.eligiblePrograms(),
                2500,
                475,
                r3.tieBreakAt(),
                null,
                2,
                r3.source());
        TopicEvents.draw(r3, TopicEvents.at(r3));
        TopicEvents.draw(r2, TopicEvents.at(r2));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response r = get("/api/v1/draws/6003");
            return r.statusCode() == 200 && r.jsonPath().getInt("revisions") == 2;
        });
        get("/api/v1/draws/6003")
                .then()
                .body("revision", equalTo(3))
                .body("crsCutoff", equalTo(470))
                .body("category", equalTo("HEALTHCARE_SOCIAL_SERVICES"));
    }

    @Test
    void malformedRecordsGoToTheDlqWithTheReasonAndTheConsumerGoesOn() {
        Instant now = Instant.parse("2060-06-01T00:00:00Z");
        TopicEvents.send(
                Topics.DRAWS,
                "6004",
                new CloudEvent("bad-json-6004", EventTypes.DRAW_ANNOUNCED, "/test", now, "6004"),
                "{not json 6004".getBytes(StandardCharsets.UTF_8));
        Draw tooHigh = TopicEvents.draw(
                "6004", LocalDate.of(2060, 6, 1), Draw.RoundType.GENERAL, null, null, 10, 1300, null, 1);
        TopicEvents.send(
                Topics.DRAWS,
                "6004",
                new CloudEvent("cutoff-6004", EventTypes.DRAW_ANNOUNCED, "/test", now, "6004"),
                EventJson.write(tooHigh));
        TopicEvents.send(
                Topics.DRAWS,
                "6004",
                null,
                "{\"number\":\"6004\",\"noheaders\":true}".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> notJson = TopicEvents.awaitDlq(Topics.DRAWS, "{not json 6004");
        assertNotNull(TopicEvents.header(notJson, "dead-letter-reason"));
        assertEquals(Topics.DRAWS, TopicEvents.header(notJson, "dead-letter-topic"));
        ConsumerRecord<String, byte[]> cutoff = TopicEvents.awaitDlq(Topics.DRAWS, "\"crsCutoff\":1300");
        org.hamcrest.MatcherAssert.assertThat(
                TopicEvents.header(cutoff, "dead-letter-reason"), containsString("crsCutoff"));
        ConsumerRecord<String, byte[]> noHeaders = TopicEvents.awaitDlq(Topics.DRAWS, "noheaders");
        org.hamcrest.MatcherAssert.assertThat(
                TopicEvents.header(noHeaders, "dead-letter-reason"), containsString("ce_id"));

        // the channel is still alive: a valid round behind the poison is applied, nothing of the poison was
        Draw valid = TopicEvents.draw(
                "6004", LocalDate.of(2060, 6, 1), Draw.RoundType.GENERAL, null, null, 10, 600, null, 1);
        TopicEvents.draw(valid, TopicEvents.at(valid));
        awaitStatus("/api/v1/draws/6004", 200);
        get("/api/v1/draws/6004").then().body("crsCutoff", equalTo(600)).body("revisions", equalTo(1));
    }

    @Test
    void unknownBadAndUnauthorizedRequests() {
        get("/api/v1/draws/59999")
                .then()
                .statusCode(404)
                .header("Content-Type", containsString("application/problem+json"))
                .body("status", equalTo(404));
        get("/api/v1/draws/abc")
                .then()
                .statusCode(400)
                .header("Content-Type", containsString("application/problem+json"))
                .body("errors[0].field", equalTo("number"));
        given().when().get("/api/v1/draws/6001").then().statusCode(401);
        given().header("Authorization", TestTokens.bearerFor(ca.eeradar.localinfra.JwtKeys.QUERY, "nobody"))
                .when()
                .get("/api/v1/draws/6001")
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.bearer(TestTokens.ADMIN))
                .when()
                .get("/api/v1/draws/59999")
                .then()
                .statusCode(404);
        given().header("Authorization", TestTokens.bearer(TestTokens.WRITER))
                .when()
                .get("/api/v1/ping")
                .then()
                .statusCode(200)
                .body("status", equalTo("ok"));
    }
}
