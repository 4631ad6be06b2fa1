package ca.eeradar.scoring.bench;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.InvitationLikely;
import ca.eeradar.contracts.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Baseline 1: a bare producer sending exactly the round's L events, each the size of the service's
 * InvitationLikely (same JSON body shape, same CloudEvent headers), with the service's Streams
 * producer settings (transactional, linger 20 ms, batch 256 KiB, lz4, 64 MiB buffer), to a fresh
 * topic with as many partitions as express-entry.invitation-likely, committing one transaction per
 * twelfth of the records as the service commits per evaluated partition.
 */
final class BareProduce {
    static final int TRANSACTIONS = 12;

    private BareProduce() {}

    /** Seconds from the first send to the last commit; the transactional id is initialised before the clock starts. */
    static double run(String bootstrap, long likely, String drawNumber, LocalDate drawDate) throws Exception {
        String topic = "bench.bare-produce-" + UUID.randomUUID().toString().substring(0, 8);
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            int partitions = admin.describeTopics(List.of(Topics.INVITATION_LIKELY))
                    .allTopicNames()
                    .get()
                    .get(Topics.INVITATION_LIKELY)
                    .partitions()
                    .size();
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
            try (KafkaProducer<String, byte[]> p = Bench.producer(
                    bootstrap,
                    Map.of(
                            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                            "bench-bare-produce-" + UUID.randomUUID(),
                            ProducerConfig.LINGER_MS_CONFIG,
                            20,
                            ProducerConfig.BATCH_SIZE_CONFIG,
                            262144,
                            ProducerConfig.COMPRESSION_TYPE_CONFIG,
                            "lz4",
                            ProducerConfig.BUFFER_MEMORY_CONFIG,
                            67108864L))) {
                p.initTransactions();
                Instant requestedAt = Instant.now();
                long perTransaction = Math.max(1, (likely + TRANSACTIONS - 1) / TRANSACTIONS);
                long t = System.nanoTime();
                p.beginTransaction();
                for (long i = 0; i < likely; i++) {
                    if (i > 0 && i % perTransaction == 0) {
                        p.commitTransaction();
                        p.beginTransaction();
                    }
                    String id = ProfileLoad.candidateId(i);
                    // Built per record, as the service builds each event: score and margin vary a little, like the real
                    // ones.
                    int score = 480 + (int) (i % 90);
                    InvitationLikely event = new InvitationLikely(
                            drawNumber,
                            1,
                            drawDate,
                            id,
                            score,
                            480,
                            score - 480,
                            InvitationLikely.TieBreak.NOT_NEEDED,
                            "GENERAL",
                            "2026-11-03",
                            requestedAt);
                    CloudEvent ce = new CloudEvent(
                            EventTypes.invitationLikelyId(drawNumber, 1, id),
                            EventTypes.INVITATION_LIKELY,
                            EventTypes.SOURCE_SCORING,
                            requestedAt,
                            id);
                    p.send(new ProducerRecord<>(topic, null, id, EventJson.write(event), ce.headers()));
                }
                p.commitTransaction();
                double s = Bench.secondsSince(t);
                Bench.log(
                        "bare produce baseline: %,d records (value %d bytes) in %d transactions in %.2f s",
                        likely,
                        sampleSize(drawNumber, drawDate, requestedAt),
                        (likely + perTransaction - 1) / perTransaction,
                        s);
                return s;
            } finally {
                admin.deleteTopics(List.of(topic));
            }
        }
    }

    private static int sampleSize(String drawNumber, LocalDate drawDate, Instant requestedAt) {
        return EventJson.write(new InvitationLikely(
                        drawNumber,
                        1,
                        drawDate,
                        ProfileLoad.candidateId(123_456),
                        512,
                        480,
                        32,
                        InvitationLikely.TieBreak.NOT_NEEDED,
                        "GENERAL",
                        "2026-11-03",
                        requestedAt))
                .length;
    }
}
