package ca.eeradar.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.DeadLetterHeaders;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.InvitationLikely;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.LocalInfra;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import ca.eeradar.query.readmodel.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * One poison record on each topic query-service consumes: it lands in that topic's DLQ with every
 * dead-letter header, and the record behind it is applied. A record the database refuses until a fix
 * (a constraint, dropped afterwards) is listed, redriven through the admin API, applied once, and a
 * second redrive publishes nothing; a duplicate of it (same ce_id) changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class DeadLetterRedriveTest {
    private static final String ADMIN = TestTokens.bearer(TestTokens.ADMIN);
    private static final String READER = TestTokens.bearer(TestTokens.READER);

    @Inject
    DataSource ds;

    @Test
    void poisonOnEveryConsumedTopicGoesToItsDlqWithEveryHeaderAndTheNextRecordIsApplied() {
        String run = "pz" + UUID.randomUUID().toString().substring(0, 6);
        String number = Integer.toString(700000 + ThreadLocalRandom.current().nextInt(99999));
        Draw draw = TopicEvents.draw(
                number, LocalDate.of(2061, 5, 6), Draw.RoundType.PROGRAM, Program.CEC, null, 3000, 500, null, 1);
        InvitationLikely invitation = new InvitationLikely(
                number,
                1,
                draw.date(),
                run + "-inv",
                512,
                500,
                12,
                InvitationLikely.TieBreak.NOT_NEEDED,
                "PROGRAM:CEC",
                "2025-03-25",
                Instant.parse("2061-05-06T18:00:00Z"));
        CandidateScored scored = scored(run + "-scored");
        DrawEvaluated evaluated = new DrawEvaluated(number, 1, 10, 5, 1, 7);

        Map<String, ProducerRecord<String, byte[]>> valid = Map.of(
                Topics.DRAWS, TopicEvents.drawRecord(draw, TopicEvents.at(draw)),
                Topics.INVITATION_LIKELY, TopicEvents.invitationRecord(invitation),
                Topics.CANDIDATE_SCORES, TopicEvents.scoredRecord(scored),
                Topics.DRAW_EVALUATIONS, TopicEvents.evaluatedRecord(evaluated, Instant.parse("2061-05-06T19:00:00Z")));
        Instant sent = Instant.now().minusMillis(1);
        valid.forEach((topic, good) -> {
            String marker = run + "-poison-" + topic;
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(
                    topic,
                    null,
                    good.key(),
                    ("{not json " + marker).getBytes(StandardCharsets.UTF_8),
                    new RecordHeaders(good.headers().toArray()));
            // Same key: the same partition, the poison first; the good record must still be applied.
            List<RecordMetadata> landed = TopicEvents.sendAll(List.of(poison, good));

            ConsumerRecord<String, byte[]> dead = TopicEvents.awaitDlq(topic, marker);
            assertEquals(good.key(), dead.key(), topic);
            assertNotNull(TopicEvents.header(dead, DeadLetterHeaders.REASON), topic + " reason");
            assertNotNull(TopicEvents.header(dead, DeadLetterHeaders.EXCEPTION_CLASS_NAME), topic + " class");
            assertEquals(topic, TopicEvents.header(dead, DeadLetterHeaders.TOPIC));
            assertEquals(
                    Integer.toString(landed.get(0).partition()),
                    TopicEvents.header(dead, DeadLetterHeaders.PARTITION),
                    topic);
            assertEquals(
                    Long.toString(landed.get(0).offset()), TopicEvents.header(dead, DeadLetterHeaders.OFFSET), topic);
            assertEquals("query-service", TopicEvents.header(dead, DeadLetterHeaders.GROUP), topic);
            Instant at = Instant.parse(TopicEvents.header(dead, DeadLetterHeaders.TIME));
            assertFalse(at.isBefore(sent.minusSeconds(1)), topic + " time " + at);
            assertEquals(
                    CloudEvent.text(good.headers(), CloudEvent.ID),
                    TopicEvents.header(dead, CloudEvent.ID),
                    topic + ": the original headers are kept");
        });

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(1, count("select count(*) from draw where number = ?", number));
            assertEquals(1, count("select count(*) from invitation where candidate_id = ?", invitation.candidateId()));
            assertEquals(1, count("select count(*) from candidate_score where candidate_id = ?", scored.candidateId()));
            assertEquals(1, count("select count(*) from draw_evaluation where draw_number = ?", number));
        });

        String metrics = given().when().get("/q/metrics").asString();
        for (String topic : valid.keySet()) {
            assertTrue(
                    metrics.lines()
                            .anyMatch(l -> l.startsWith("eeradar_dead_letters_total{")
                                    && l.contains("topic=\"" + topic + "\"")
                                    && l.contains("reason=\"MalformedEventException\"")),
                    "eeradar_dead_letters_total for " + topic);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRecordRefusedUntilAFixIsRedrivenOnceAndAppliedOnce() throws Exception {
        String run = "rdv" + UUID.randomUUID().toString().substring(0, 6);
        String candidate = run + "-blocked";
        InvitationLikely invitation = new InvitationLikely(
                "9001",
                1,
                LocalDate.of(2062, 1, 2),
                candidate,
                520,
                500,
                20,
                InvitationLikely.TieBreak.NOT_NEEDED,
                "PROGRAM:CEC",
                "2025-03-25",
                Instant.parse("2062-01-02T18:00:00Z"));
        String constraint = "redrive_test_" + run;
        // A value the database refuses for good (check violation, SQLState 23514): poison, not an outage.
        sql("alter table invitation add constraint " + constraint + " check (candidate_id <> '" + candidate + "')");
        ConsumerRecord<String, byte[]> dead;
        try {
            TopicEvents.invitation(invitation);
            dead = TopicEvents.awaitDlq(Topics.INVITATION_LIKELY, candidate);
            assertEquals(0, count("select count(*) from invitation where candidate_id = ?", candidate));

            JsonPath listed = given().header("Authorization", ADMIN)
                    .when()
                    .get("/api/v1/dead-letters")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(
                    List.of(
                            Topics.DRAWS,
                            Topics.INVITATION_LIKELY,
                            Topics.CANDIDATE_SCORES,
                            Topics.DRAW_EVALUATIONS,
                            Topics.INVITATION_FORECASTS),
                    listed.getList("topic"));
            Map<String, Object> invitations = listed.getMap("find { it.topic == '" + Topics.INVITATION_LIKELY + "' }");
            assertTrue(((Number) invitations.get("count")).longValue() >= 1, "counted: " + invitations);
            assertNotNull(invitations.get("oldest"));
            assertTrue(
                    listed
                            .getList(
                                    "find { it.topic == '" + Topics.INVITATION_LIKELY + "' }.reasons.reason",
                                    String.class)
                            .stream()
                            .anyMatch(r -> r.contains(constraint)),
                    "the reason names the constraint: " + invitations);
        } finally {
            sql("alter table invitation drop constraint " + constraint); // the fix
        }

        String body = "{\"topic\":\"" + Topics.INVITATION_LIKELY + "\",\"offsets\":[{\"partition\":" + dead.partition()
                + ",\"offset\":" + dead.offset() + "}]}";
        JsonPath first = redrive(body);
        assertEquals(1, first.getList("redriven").size());
        assertEquals(0, first.getList("alreadyRedriven").size());
        int toPartition = first.getInt("redriven[0].toPartition");
        long toOffset = first.getLong("redriven[0].toOffset");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("select count(*) from invitation where candidate_id = ?", candidate) == 1);

        // The record on the topic is the original: same key, value and ce_id, no dead-letter header.
        ConsumerRecord<String, byte[]> again = readAt(Topics.INVITATION_LIKELY, toPartition, toOffset);
        assertEquals(candidate, again.key());
        assertEquals(
                new String(dead.value(), StandardCharsets.UTF_8), new String(again.value(), StandardCharsets.UTF_8));
        assertEquals(EventTypes.invitationLikelyId("9001", 1, candidate), TopicEvents.header(again, CloudEvent.ID));
        assertNull(TopicEvents.header(again, DeadLetterHeaders.REASON));

        // Asked again: recorded as redriven, nothing published.
        long end = endOffset(Topics.INVITATION_LIKELY, toPartition);
        JsonPath second = redrive(body);
        assertEquals(0, second.getList("redriven").size());
        assertEquals(dead.offset(), second.getLong("alreadyRedriven[0].offset"));
        assertEquals(end, endOffset(Topics.INVITATION_LIKELY, toPartition));

        // A duplicate delivery of the same event (same ce_id) is applied idempotently: still one row, unchanged.
        String payload = payload(candidate);
        TopicEvents.invitation(invitation);
        TopicEvents.barrier(Topics.INVITATION_LIKELY, candidate);
        assertEquals(1, count("select count(*) from invitation where candidate_id = ?", candidate));
        assertEquals(payload, payload(candidate));
        assertEquals(1, TopicEvents.dlqCount(Topics.INVITATION_LIKELY, candidate + "\""), "dead-lettered once only");
    }

    @Test
    void allOfOneReasonIsRedrivenOnceAndWhatIsStillPoisonComesBack() {
        String run = "all" + UUID.randomUUID().toString().substring(0, 6);
        for (String marker : List.of(run + "-a", run + "-b")) {
            TopicEvents.send(
                    Topics.DRAW_EVALUATIONS,
                    marker,
                    new CloudEvent(marker, EventTypes.DRAW_EVALUATED, EventTypes.SOURCE_SCORING, Instant.now(), marker),
                    ("{not json " + marker).getBytes(StandardCharsets.UTF_8));
            TopicEvents.awaitDlq(Topics.DRAW_EVALUATIONS, marker);
        }
        String body =
                "{\"topic\":\"" + Topics.DRAW_EVALUATIONS + "\",\"all\":true,\"reason\":\"MalformedEventException\"}";
        JsonPath first = redrive(Topics.DRAW_EVALUATIONS, body);
        assertTrue(first.getList("redriven").size() >= 2, first.prettify());
        assertFalse(first.getBoolean("more"));

        // Nothing fixed: each comes back to the DLQ once more, as a new dead letter.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> TopicEvents.dlqCount(Topics.DRAW_EVALUATIONS, run + "-a") == 2
                        && TopicEvents.dlqCount(Topics.DRAW_EVALUATIONS, run + "-b") == 2);
        JsonPath second = redrive(Topics.DRAW_EVALUATIONS, body);
        assertTrue(
                second.getList("alreadyRedriven.offset", Long.class)
                        .containsAll(first.getList("redriven.offset", Long.class)),
                "redriven once: " + second.prettify());

        JsonPath none = redrive(
                Topics.DRAW_EVALUATIONS,
                "{\"topic\":\"" + Topics.DRAW_EVALUATIONS + "\",\"all\":true,\"reason\":\"NoSuchException\"}");
        assertEquals(0, none.getList("redriven").size());
        assertEquals(0, none.getList("alreadyRedriven").size());
    }

    @Test
    void badRedriveRequestsAreProblemsNamingEachField() {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/dead-letters/redrive")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", containsInAnyOrder("topic", "offsets"));
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(
                        "{\"topic\":\"express-entry.nope\",\"all\":true,\"offsets\":[{\"partition\":-1}],\"reason\":\" \"}")
                .when()
                .post("/api/v1/dead-letters/redrive")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body(
                        "errors.field",
                        containsInAnyOrder("topic", "all", "offsets[0].partition", "offsets[0].offset", "reason"));
        given().header("Authorization", READER)
                .contentType(ContentType.JSON)
                .body("{\"topic\":\"" + Topics.DRAWS + "\",\"all\":true}")
                .when()
                .post("/api/v1/dead-letters/redrive")
                .then()
                .statusCode(403);
        given().header("Authorization", READER)
                .when()
                .get("/api/v1/dead-letters")
                .then()
                .statusCode(403);
    }

    private static JsonPath redrive(String body) {
        return redrive(Topics.INVITATION_LIKELY, body);
    }

    private static JsonPath redrive(String topic, String body) {
        return given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/dead-letters/redrive")
                .then()
                .statusCode(200)
                .body("topic", equalTo(topic))
                .extract()
                .jsonPath();
    }

    private static ConsumerRecord<String, byte[]> readAt(String topic, int partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            ConsumerRecord<String, byte[]>[] found = new ConsumerRecord[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        found[0] = r;
                    }
                }
                return found[0] != null;
            });
            return found[0];
        }
    }

    private static long endOffset(String topic, int partition) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            return consumer.endOffsets(List.of(tp)).get(tp);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.shared().bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private String payload(String candidate) {
        return Sql.query(
                        ds,
                        "select payload from invitation where candidate_id = ?",
                        List.of(candidate),
                        rs -> rs.getString(1))
                .get(0);
    }

    private long count(String sql, String value) {
        return Sql.query(ds, sql, List.of(value), rs -> rs.getLong(1)).get(0);
    }

    private void sql(String statement) throws Exception {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static CandidateScored scored(String candidate) {
        return new CandidateScored(
                candidate,
                1,
                LocalDate.of(2071, 1, 1),
                480,
                new CandidateScored.Sections(410, 0, 50, 20),
                "2025-03-25",
                List.of(Program.CEC),
                List.of(),
                List.of(),
                Instant.parse("2071-01-01T00:00:00Z"));
    }
}
