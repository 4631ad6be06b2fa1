package ca.eeradar.scoring.draws;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.DeadLetterHeaders;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import ca.eeradar.scoring.evaluation.Profiles;
import ca.eeradar.scoring.evaluation.Rounds;
import ca.eeradar.scoring.evaluation.Topic;
import ca.eeradar.scoring.evaluation.UnreadableRecordException;
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
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * Poison on each topic scoring-service consumes (express-entry.draws through its channel, the evaluation
 * requests and partition summaries through Kafka Streams' exception handlers) lands in that topic's DLQ
 * with every dead-letter header and the next round is still evaluated; a round the database refused until
 * a fix is redriven through the admin API and evaluated once, however often it is redriven.
 */
@QuarkusTest
@QuarkusTestResource(
        value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class DeadLetterRedriveTest {
    private static final String ADMIN = TestTokens.bearer(TestTokens.ADMIN);

    @Inject
    DataSource ds;

    @Test
    void poisonDrawGoesToItsDlqWithEveryHeaderAndTheNextRoundIsEvaluated() throws Exception {
        Rounds.awaitReady();
        String key = "poison-" + UUID.randomUUID();
        CloudEvent ce = new CloudEvent(
                "draw-poison-" + key, EventTypes.DRAW_ANNOUNCED, EventTypes.SOURCE_INGEST, Instant.now(), key);
        Instant sent = Instant.now().minusSeconds(1);
        RecordMetadata at = Topic.send(Topics.DRAWS, key, "{not json".getBytes(StandardCharsets.UTF_8), ce.headers());

        ConsumerRecord<String, byte[]> dead = awaitDead(Topics.DRAWS, key);
        assertHeaders(dead, Topics.DRAWS, at, "scoring-service", sent);
        assertEquals(PoisonDrawException.class.getName(), Topic.header(dead, DeadLetterHeaders.EXCEPTION_CLASS_NAME));
        assertEquals("draw-poison-" + key, Topic.ceId(dead), "the original headers are kept");

        String number = Rounds.newNumber();
        Rounds.announce(Rounds.program(number, 1, Program.CEC, 1200, null));
        assertEquals(1, Rounds.evaluated(number, 1).size(), "the next round is still evaluated");
    }

    @Test
    void poisonOnTheTopologysSourcesGoesToTheirDlqsAndTheEvaluationGoesOn() throws Exception {
        Rounds.awaitReady();
        for (String topic : InternalTopics.DEAD_LETTERED) {
            String key = "poison-" + UUID.randomUUID();
            Instant sent = Instant.now().minusSeconds(1);
            RecordMetadata at = Topic.send(topic, key, "{\"not\":".getBytes(StandardCharsets.UTF_8), List.of());
            ConsumerRecord<String, byte[]> dead = awaitDead(topic, key);
            assertHeaders(dead, topic, at, InternalTopics.APPLICATION_ID, sent);
            assertEquals(
                    UnreadableRecordException.class.getName(),
                    Topic.header(dead, DeadLetterHeaders.EXCEPTION_CLASS_NAME));
        }
        String number = Rounds.newNumber();
        Rounds.announce(Rounds.program(number, 1, Program.CEC, 1200, null));
        assertEquals(1, Rounds.evaluated(number, 1).size(), "the next round is still evaluated");

        JsonPath listed = given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/dead-letters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                List.of(Topics.DRAWS, InternalTopics.EVALUATION_REQUESTS, InternalTopics.PARTITION_SUMMARIES),
                listed.getList("topic"));
        for (String topic : InternalTopics.DEAD_LETTERED) {
            assertTrue(listed.getLong("find { it.topic == '" + topic + "' }.count") >= 1, topic);
        }
        String metrics = given().when().get("/q/metrics").asString();
        assertTrue(
                metrics.lines()
                        .anyMatch(l -> l.startsWith("eeradar_dead_letters_total{")
                                && l.contains("topic=\"" + InternalTopics.EVALUATION_REQUESTS + "\"")
                                && l.contains("reason=\"UnreadableRecordException\"")),
                metrics);
    }

    @Test
    void aRoundRefusedUntilAFixIsRedrivenAndEvaluatedOnce() throws Exception {
        Rounds.awaitReady();
        Rounds.store(
                "rdv-" + UUID.randomUUID().toString().substring(0, 8),
                Profiles.base().sibling());
        String number = Rounds.newNumber();
        String constraint = "redrive_test_" + number;
        // The database refuses this round for good (check violation, SQLState 23514): poison, not an outage.
        sql("alter table draw_revision add constraint " + constraint + " check (draw_number <> '" + number + "')");
        ConsumerRecord<String, byte[]> dead;
        try {
            Rounds.announce(Rounds.program(number, 1, Program.CEC, 300, null));
            dead = awaitDead(Topics.DRAWS, number);
            assertTrue(Topic.header(dead, DeadLetterHeaders.REASON) != null, "a reason");
        } finally {
            sql("alter table draw_revision drop constraint " + constraint); // the fix
        }
        String body = "{\"topic\":\"" + Topics.DRAWS + "\",\"offsets\":[{\"partition\":" + dead.partition()
                + ",\"offset\":" + dead.offset() + "}]}";
        JsonPath first = redrive(body);
        assertEquals(1, first.getList("redriven").size());
        List<ConsumerRecord<String, byte[]>> evaluated = Rounds.evaluated(number, 1);
        assertEquals(1, evaluated.size(), "evaluated once after the redrive");
        long likely = Rounds.invitations(number, 1).size();
        assertTrue(likely >= 1, "the stored candidate is likely");

        JsonPath second = redrive(body);
        assertEquals(0, second.getList("redriven").size());
        assertEquals(1, second.getList("alreadyRedriven").size());

        // The same round delivered once more (same ce_id): not evaluated again.
        RecordMetadata duplicate = Rounds.announce(Rounds.program(number, 1, Program.CEC, 300, null));
        String later = Rounds.newNumber();
        Rounds.announce(Rounds.program(later, 1, Program.CEC, 1200, null));
        Rounds.evaluated(later, 1);
        assertNotNull(duplicate);
        assertEquals(1, Rounds.evaluated(number, 1).size(), "one DrawEvaluated");
        assertEquals(likely, Rounds.invitations(number, 1).size(), "no second set of InvitationLikely");
    }

    private static JsonPath redrive(String body) {
        return given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/dead-letters/redrive")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static ConsumerRecord<String, byte[]> awaitDead(String topic, String key) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        !Topic.read(Topics.dlq(topic), r -> key.equals(r.key())).isEmpty());
        return Topic.read(Topics.dlq(topic), r -> key.equals(r.key())).get(0);
    }

    private static void assertHeaders(
            ConsumerRecord<String, byte[]> dead, String topic, RecordMetadata at, String group, Instant sent) {
        assertNotNull(Topic.header(dead, DeadLetterHeaders.REASON), topic);
        assertNotNull(Topic.header(dead, DeadLetterHeaders.EXCEPTION_CLASS_NAME), topic);
        assertEquals(topic, Topic.header(dead, DeadLetterHeaders.TOPIC));
        assertEquals(Integer.toString(at.partition()), Topic.header(dead, DeadLetterHeaders.PARTITION), topic);
        assertEquals(Long.toString(at.offset()), Topic.header(dead, DeadLetterHeaders.OFFSET), topic);
        assertEquals(group, Topic.header(dead, DeadLetterHeaders.GROUP), topic);
        Instant time = Instant.parse(Topic.header(dead, DeadLetterHeaders.TIME));
        assertFalse(time.isBefore(sent), topic + " rejected at " + time);
    }

    private void sql(String statement) throws Exception {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
