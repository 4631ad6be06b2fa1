package ca.eeradar.e2e;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.privacy.PersonalDataCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a subscriber of the public topics receives, read as one would (read_committed, from the
 * beginning), and held to the contract's privacy check: the real events of the run, not samples.
 */
final class PublicTopics {
    static final List<String> ALL = List.of(
            Topics.DRAWS,
            Topics.INVITATION_LIKELY,
            Topics.CANDIDATE_SCORES,
            Topics.DRAW_EVALUATIONS,
            Topics.INVITATION_FORECASTS);

    private PublicTopics() {}

    /** Every record of the public topics up to their current end. */
    static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("isolation.level", "read_committed");
        p.put("max.poll.records", "5000");
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : ALL) {
                c.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            c.assign(partitions);
            c.seekToBeginning(partitions);
            var end = c.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline
                    && end.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue())) {
                c.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        return all;
    }

    /** Fails on the first record whose payload carries personal data or something to derive it from. */
    static void assertNoPersonalData(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) {
                continue; // a tombstone carries nothing
            }
            String type = CloudEvent.text(r.headers(), CloudEvent.TYPE);
            if (type == null) {
                // Not an event: the raw poison other tests put on a topic (no producer of ee-radar writes it).
                continue;
            }
            PersonalDataCheck.assertClean(type, r.value());
        }
    }
}
