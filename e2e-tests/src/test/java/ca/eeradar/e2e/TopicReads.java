package ca.eeradar.e2e;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a subscriber of the public topics sees, read as the AsyncAPI document tells subscribers to
 * read them ({@code read_committed}): the evidence of the end-to-end tests that nothing was lost or
 * sent twice.
 */
final class TopicReads {
    /** The topics whose consumers may dead-letter a record. */
    static final List<String> CONSUMED =
            List.of(Topics.DRAWS, Topics.INVITATION_LIKELY, Topics.CANDIDATE_SCORES, Topics.DRAW_EVALUATIONS);

    private TopicReads() {}

    /**
     * A read_committed consumer of every partition of the topic, from its end (new records only) until
     * seeked: the evaluation writes transactionally, and subscribers are told to read this way.
     */
    static KafkaConsumer<String, byte[]> fromEnd(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", E2eStack.get().infra.bootstrapServers());
        p.put("isolation.level", "read_committed");
        p.put("max.poll.records", "5000");
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        var partitions = c.partitionsFor(topic).stream()
                .map(i -> new TopicPartition(topic, i.partition()))
                .toList();
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position);
        return c;
    }

    /** Every record up to the end offsets seen now. */
    static List<ConsumerRecord<String, byte[]>> drain(KafkaConsumer<String, byte[]> c) {
        var end = c.endOffsets(c.assignment());
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && end.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue())) {
            c.poll(Duration.ofMillis(500)).forEach(all::add);
        }
        return all;
    }

    /** How many of the records are InvitationLikely events of the round (any revision). */
    static long invitationsOf(Iterable<ConsumerRecord<String, byte[]>> records, String number) {
        long n = 0;
        for (ConsumerRecord<String, byte[]> r : records) {
            String id = CloudEvent.text(r.headers(), CloudEvent.ID);
            if (id != null && id.startsWith(invitationIdPrefix(number))) {
                n++;
            }
        }
        return n;
    }

    /** The ce_id of every InvitationLikely of the round on the topic, repeats included. */
    static List<String> invitationIds(String number) {
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : everything(Topics.INVITATION_LIKELY)) {
            String id = CloudEvent.text(r.headers(), CloudEvent.ID);
            if (id != null && id.startsWith(invitationIdPrefix(number))) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Every DrawEvaluated of the round on the topic. */
    static List<DrawEvaluated> evaluations(String number) {
        List<DrawEvaluated> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : everything(Topics.DRAW_EVALUATIONS)) {
            if (EventTypes.DRAW_EVALUATED.equals(CloudEvent.text(r.headers(), CloudEvent.TYPE))) {
                DrawEvaluated e = EventJson.read(r.value(), DrawEvaluated.class);
                if (number.equals(e.drawNumber())) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    /** The ce_id of every event on the topic whose ce_subject is one of {@code subjects}, repeats included. */
    static List<String> eventIdsAbout(String topic, java.util.Set<String> subjects) {
        return everything(topic).stream()
                .filter(r -> subjects.contains(CloudEvent.text(r.headers(), CloudEvent.SUBJECT)))
                .map(r -> CloudEvent.text(r.headers(), CloudEvent.ID))
                .collect(Collectors.toList());
    }

    /**
     * Records on each dead-letter topic (end minus start offsets of its partitions): the tests compare
     * the counts before and after a fault, so that a dead letter left by another test does not count.
     */
    static Map<String, Long> deadLetterCounts() {
        Properties p = new Properties();
        p.put("bootstrap.servers", E2eStack.get().infra.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            List<String> dlqs = CONSUMED.stream().map(Topics::dlq).toList();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var d : admin.describeTopics(dlqs).allTopicNames().get().values()) {
                d.partitions().forEach(i -> {
                    earliest.put(new TopicPartition(d.name(), i.partition()), OffsetSpec.earliest());
                    latest.put(new TopicPartition(d.name(), i.partition()), OffsetSpec.latest());
                });
            }
            var starts = admin.listOffsets(earliest).all().get();
            var ends = admin.listOffsets(latest).all().get();
            Map<String, Long> counts = new HashMap<>();
            dlqs.forEach(t -> counts.put(t, 0L));
            ends.forEach((tp, end) ->
                    counts.merge(tp.topic(), end.offset() - starts.get(tp).offset(), Long::sum));
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException("cannot count dead letters", e);
        }
    }

    private static String invitationIdPrefix(String number) {
        return "invitation-likely-" + number + "-r";
    }

    /** Every record of the topic, from its beginning to its end now (read_committed). */
    static List<ConsumerRecord<String, byte[]>> everything(String topic) {
        try (KafkaConsumer<String, byte[]> c = fromEnd(topic)) {
            c.seekToBeginning(c.assignment());
            return drain(c);
        }
    }
}
