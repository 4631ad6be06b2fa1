package ca.eeradar.ingest;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.Topics;
import ca.eeradar.localinfra.LocalInfra;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads express-entry.draws from the beginning with a plain consumer, as a subscriber of another team would. */
public final class DrawsTopic {
    /** One event as seen on the topic. */
    public record Event(int partition, long offset, String key, CloudEvent ce, Draw draw, String traceparent) {}

    private DrawsTopic() {}

    /** Every event on the topic now, in partition then offset order (order holds per key, i.e. per partition). */
    public static List<Event> readAll() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.shared().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DRAWS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<Event> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    events.add(new Event(
                            r.partition(),
                            r.offset(),
                            r.key(),
                            CloudEvent.from(r.headers()),
                            EventJson.read(r.value(), Draw.class),
                            CloudEvent.text(r.headers(), "traceparent")));
                }
            }
            events.sort(java.util.Comparator.comparingInt(Event::partition).thenComparingLong(Event::offset));
            return events;
        }
    }

    public static List<Event> forKey(List<Event> events, String key) {
        return events.stream().filter(e -> key.equals(e.key())).toList();
    }

    public static long endOffsetSum() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.shared().bootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DRAWS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }
}
