package ca.eeradar.query.projection;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.LocalInfra;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.query.readmodel.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A burst of CandidateScored events of distinct candidates (more than one poll, so several batches
 * of the batch-mode channel) is applied completely, each exactly once. Not a benchmark: rates are
 * measured by commands (docs/benchmarks.md), not by tests.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class ProjectionBurstTest {

    @Inject
    DataSource ds;

    @Test
    void aBurstOfScoresIsAppliedCompletelyAndOnce() throws InterruptedException, ExecutionException {
        int events = 2000;
        String run = "tp-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.shared().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            send(producer, run + "warmup").get();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> applied(run) == 1);

            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                sent.add(send(producer, run + i));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> applied(run) == events + 1);
            assertEquals(events + 1, applied(run));
        }
    }

    private long applied(String run) {
        return Sql.query(
                        ds,
                        "select count(*) from candidate_score where candidate_id like ?",
                        List.of(run + "%"),
                        rs -> rs.getLong(1))
                .get(0);
    }

    private static Future<RecordMetadata> send(KafkaProducer<String, byte[]> producer, String candidate) {
        Instant at = Instant.parse("2070-01-01T00:00:00Z");
        LocalDate asOf = LocalDate.of(2070, 1, 1);
        CandidateScored s = new CandidateScored(
                candidate,
                1,
                asOf,
                480,
                new CandidateScored.Sections(410, 0, 50, 20),
                "2025-03-25",
                List.of(Program.CEC),
                List.of(),
                List.of(),
                at);
        CloudEvent ce = new CloudEvent(
                EventTypes.candidateScoredId(candidate, 1, asOf, "480"),
                EventTypes.CANDIDATE_SCORED,
                EventTypes.SOURCE_SCORING,
                at,
                candidate);
        List<Header> headers =
                ce.headers().stream().filter(h -> h.value() != null).toList();
        return producer.send(new ProducerRecord<>(
                Topics.CANDIDATE_SCORES, null, candidate, EventJson.write(s), new ArrayList<>(headers)));
    }
}
