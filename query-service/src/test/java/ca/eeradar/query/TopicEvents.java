package ca.eeradar.query;

import ca.eeradar.contracts.CandidateErased;
import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.CandidateScoredV1;
import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.InvitationLikely;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.LocalInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Publishes events as the other services do (plain producer, CloudEvent headers) and reads DLQs. */
final class TopicEvents {
    private static KafkaProducer<String, byte[]> producer;

    private TopicEvents() {}

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.shared().bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    static void send(String topic, String key, CloudEvent event, byte[] value) {
        List<Header> headers = event == null
                ? List.of()
                : event.headers().stream().filter(h -> h.value() != null).toList();
        try {
            producer()
                    .send(new ProducerRecord<>(topic, null, key, value, new ArrayList<>(headers)))
                    .get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends every record without waiting in between (so the consumer likely gets them in one poll), then
     * waits for all; answers where each landed, in the order of {@code records}.
     */
    static List<RecordMetadata> sendAll(List<ProducerRecord<String, byte[]>> records) {
        List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
        records.forEach(r -> sent.add(producer().send(r)));
        producer().flush();
        List<RecordMetadata> landed = new ArrayList<>(sent.size());
        try {
            for (java.util.concurrent.Future<RecordMetadata> f : sent) {
                landed.add(f.get());
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return landed;
    }

    static ProducerRecord<String, byte[]> record(String topic, String key, CloudEvent event, byte[] value) {
        return new ProducerRecord<>(
                topic,
                null,
                key,
                value,
                new ArrayList<>(
                        event.headers().stream().filter(h -> h.value() != null).toList()));
    }

    static void draw(Draw d, Instant at) {
        sendAll(List.of(drawRecord(d, at)));
    }

    static ProducerRecord<String, byte[]> drawRecord(Draw d, Instant at) {
        String type = d.revision() == 1 ? EventTypes.DRAW_ANNOUNCED : EventTypes.DRAW_CORRECTED;
        return record(
                Topics.DRAWS,
                d.number(),
                new CloudEvent(
                        EventTypes.drawEventId(d.number(), d.revision()),
                        type,
                        EventTypes.SOURCE_INGEST,
                        at,
                        d.number()),
                EventJson.write(d));
    }

    static void invitation(InvitationLikely i) {
        sendAll(List.of(invitationRecord(i)));
    }

    static ProducerRecord<String, byte[]> invitationRecord(InvitationLikely i) {
        return record(
                Topics.INVITATION_LIKELY,
                i.candidateId(),
                new CloudEvent(
                        EventTypes.invitationLikelyId(i.drawNumber(), i.drawRevision(), i.candidateId()),
                        EventTypes.INVITATION_LIKELY,
                        EventTypes.SOURCE_SCORING,
                        i.evaluatedAt(),
                        i.candidateId()),
                EventJson.write(i));
    }

    static void scored(CandidateScored s) {
        sendAll(List.of(scoredRecord(s)));
    }

    static ProducerRecord<String, byte[]> scoredRecord(CandidateScored s) {
        return record(
                Topics.CANDIDATE_SCORES,
                s.candidateId(),
                new CloudEvent(
                        EventTypes.candidateScoredId(
                                s.candidateId(), s.profileVersion(), s.asOf(), String.valueOf(s.total())),
                        EventTypes.CANDIDATE_SCORED,
                        EventTypes.SOURCE_SCORING,
                        s.scoredAt(),
                        s.candidateId()),
                EventJson.write(s));
    }

    /** A retired v1 record, as the compacted topic may still hold one: with its timeline. */
    static void scoredV1(CandidateScoredV1 s) {
        send(
                Topics.CANDIDATE_SCORES,
                s.candidateId(),
                new CloudEvent(
                        "candidate-scored-" + s.candidateId() + "-v" + s.profileVersion() + "-" + s.asOf(),
                        EventTypes.CANDIDATE_SCORED_V1,
                        EventTypes.SOURCE_SCORING,
                        s.scoredAt(),
                        s.candidateId()),
                EventJson.write(s));
    }

    static void erased(CandidateErased e) {
        send(
                Topics.CANDIDATE_SCORES,
                e.candidateId(),
                new CloudEvent(
                        EventTypes.candidateErasedId(e.candidateId(), e.profileVersion()),
                        EventTypes.CANDIDATE_ERASED,
                        EventTypes.SOURCE_SCORING,
                        e.erasedAt(),
                        e.candidateId()),
                EventJson.write(e));
    }

    static void evaluated(DrawEvaluated e, Instant at) {
        sendAll(List.of(evaluatedRecord(e, at)));
    }

    static ProducerRecord<String, byte[]> evaluatedRecord(DrawEvaluated e, Instant at) {
        return record(
                Topics.DRAW_EVALUATIONS,
                e.drawNumber(),
                new CloudEvent(
                        EventTypes.drawEvaluatedId(e.drawNumber(), e.drawRevision()),
                        EventTypes.DRAW_EVALUATED,
                        EventTypes.SOURCE_SCORING,
                        at,
                        e.drawNumber()),
                EventJson.write(e));
    }

    /**
     * Sends a record that is not JSON with {@code key} (so it lands behind every earlier record of
     * that key), waits until it reaches the DLQ and answers that DLQ record: everything sent before
     * it with the same key has been processed by then.
     */
    static ConsumerRecord<String, byte[]> barrier(String topic, String key) {
        String marker = "poison-" + UUID.randomUUID();
        send(
                topic,
                key,
                new CloudEvent(marker, "ca.eeradar.test.poison", "/test", Instant.now(), key),
                marker.getBytes(StandardCharsets.UTF_8));
        return awaitDlq(topic, marker);
    }

    /** The DLQ record of {@code topic} whose value contains {@code marker}. */
    static ConsumerRecord<String, byte[]> awaitDlq(String topic, String marker) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.shared().bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = dlqPartitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && new String(r.value(), StandardCharsets.UTF_8).contains(marker)) {
                        found.set(r);
                    }
                }
                return found.get() != null;
            });
        }
        return found.get();
    }

    /** How many records of the DLQ of {@code topic}, from its beginning to its current end, contain {@code marker}. */
    static int dlqCount(String topic, String marker) {
        return (int) deadLetters(topic).stream()
                .filter(r -> r.value() != null && new String(r.value(), StandardCharsets.UTF_8).contains(marker))
                .count();
    }

    /**
     * Every record of the DLQ of {@code topic} from its beginning to its current end, as an operator's
     * plain consumer sees them (read_committed: no record of an aborted transaction).
     */
    static List<ConsumerRecord<String, byte[]>> deadLetters(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.shared().bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = dlqPartitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        all.add(r);
                    }
                }
            }
        }
        return all;
    }

    /** Every partition of the DLQ of {@code topic}: a dead letter lands on the partition of its key. */
    static List<TopicPartition> dlqPartitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(Topics.dlq(topic)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
    }

    static String header(ConsumerRecord<String, byte[]> r, String name) {
        return CloudEvent.text(r.headers(), name);
    }

    // ---- payload builders ----

    static Draw draw(
            String number,
            LocalDate date,
            Draw.RoundType type,
            Program program,
            Category category,
            int invitations,
            int cutoff,
            Draw.Pool pool,
            int revision) {
        Instant drawnAt = date.atTime(15, 0).toInstant(ZoneOffset.UTC);
        String name =
                switch (type) {
                    case GENERAL -> "General";
                    case PROGRAM -> "Program " + program;
                    case CATEGORY -> "Category " + category;
                };
        List<Program> eligible =
                type == Draw.RoundType.PROGRAM ? List.of(program) : List.of(Program.FSW, Program.CEC, Program.FST);
        return new Draw(
                number,
                date,
                drawnAt,
                name,
                type,
                program,
                category,
                category == null ? null : date.getYear() + "-Version 1",
                eligible,
                invitations,
                cutoff,
                drawnAt.minusSeconds(86400 * 30),
                pool,
                revision,
                new Draw.Source(Draw.SourceKind.MANUAL, "test", drawnAt.plusSeconds(600)));
    }

    static Instant at(Draw d) {
        return d.source().receivedAt().plusSeconds(d.revision());
    }
}
