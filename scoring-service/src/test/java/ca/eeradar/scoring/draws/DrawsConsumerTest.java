package ca.eeradar.scoring.draws;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.LocalInfra;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.scoring.evaluation.Profiles;
import ca.eeradar.scoring.evaluation.Rounds;
import ca.eeradar.scoring.evaluation.Topic;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Redelivery, corrections and poison records on the real express-entry.draws topic. */
@QuarkusTest
@QuarkusTestResource(
        value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class DrawsConsumerTest {

    /** Waits until the service's consumer group committed past the record: it was consumed and acknowledged. */
    private static void awaitConsumed(RecordMetadata record) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.shared().bootstrapServers());
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(p)) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(
                                        "scoring-service")
                                .partitionsToOffsetAndMetadata()
                                .get();
                        OffsetAndMetadata committed = offsets.get(tp);
                        return committed != null && committed.offset() > record.offset();
                    });
        }
    }

    @Test
    void redeliveredDrawProducesNoSecondSetOfEventsAndACorrectionIsEvaluatedAgain() throws Exception {
        Rounds.awaitReady();
        String run = "r" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Rounds.store(run + "a", Profiles.base().sibling());
        Rounds.store(run + "b", Profiles.base().sibling().submittedAt("2026-02-01T10:00:00Z"));
        String number = Rounds.newNumber();
        Draw draw = Rounds.program(number, 1, Program.CEC, 300, null);

        Rounds.announce(draw);
        assertEquals(1, Rounds.evaluated(number, 1).size());
        long first = Rounds.invitations(number, 1).size();
        assertTrue(first >= 2, "both candidates of this run are likely");
        assertTrue(Rounds.invitations(number, 1).stream()
                .allMatch(r -> r.key() != null && Topic.ceId(r).endsWith(r.key())));

        RecordMetadata again = Rounds.announce(draw);
        awaitConsumed(again);
        assertEquals(1, Rounds.evaluated(number, 1).size(), "one DrawEvaluated");
        assertEquals(first, Rounds.invitations(number, 1).size(), "no second set of InvitationLikely");

        // A correction (revision 2, cutoff raised above everyone) is a new evaluation with its own ids.
        Rounds.announce(Rounds.program(number, 2, Program.CEC, 1200, null));
        DrawEvaluated corrected =
                EventJson.read(Rounds.evaluated(number, 2).get(0).value(), DrawEvaluated.class);
        assertEquals(2, corrected.drawRevision());
        assertEquals(0, corrected.likely());
        assertEquals(0, Rounds.invitations(number, 2).size());
    }

    @Test
    void poisonRecordGoesToTheDlqWithItsReasonAndTheConsumerKeepsGoing() throws Exception {
        Rounds.awaitReady();
        String key = "poison-" + UUID.randomUUID();
        CloudEvent ce = new CloudEvent(
                "draw-poison-" + key, EventTypes.DRAW_ANNOUNCED, EventTypes.SOURCE_INGEST, Instant.now(), key);
        Topic.send(Topics.DRAWS, key, "{not json".getBytes(StandardCharsets.UTF_8), ce.headers());

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !Topic.read(Topics.dlq(Topics.DRAWS), r -> key.equals(r.key()))
                        .isEmpty());
        var dead =
                Topic.read(Topics.dlq(Topics.DRAWS), r -> key.equals(r.key())).get(0);
        String reason = Topic.header(dead, "dead-letter-reason");
        assertTrue(reason != null && reason.contains("not a Draw"), "reason header: " + reason);
        assertEquals("{not json", new String(dead.value(), StandardCharsets.UTF_8));

        String number = Rounds.newNumber();
        Rounds.announce(Rounds.program(number, 1, Program.CEC, 1200, null));
        assertEquals(1, Rounds.evaluated(number, 1).size(), "the next round is still evaluated");
    }
}
