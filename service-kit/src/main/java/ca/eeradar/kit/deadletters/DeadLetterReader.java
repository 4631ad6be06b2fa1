package ca.eeradar.kit.deadletters;

import ca.eeradar.kit.kafka.BrokerConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a DLQ from its first retained record (or from given offsets) up to its end as it was when the
 * read started, without a consumer group: listing or redriving commits nothing and moves no one's offsets.
 */
@ApplicationScoped
public class DeadLetterReader {
    @Inject
    BrokerConnection broker;

    /**
     * Hands every record of {@code dlqTopic} to {@code each}, in partition order, starting at
     * {@code from.get(partition)} (the first retained record for a partition not in it; {@code from} null:
     * every partition from its start; a non-null {@code from} reads only its partitions). Stops at the end
     * or when {@code each} returns false. Returns false if the read timed out before the end.
     */
    public boolean read(String dlqTopic, Map<Integer, Long> from, Duration timeout, RecordVisitor each) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(withoutGroup(props), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(dlqTopic, timeout)) {
                if (from == null || from.containsKey(p.partition())) {
                    partitions.add(new TopicPartition(dlqTopic, p.partition()));
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, timeout);
            for (TopicPartition tp : partitions) {
                long first = Math.max(start.get(tp), from == null ? 0 : from.get(tp.partition()));
                consumer.seek(tp, first);
                if (first >= end.get(tp)) {
                    end.remove(tp);
                }
            }
            while (!end.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    return false;
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long stop = end.get(tp);
                    if (stop == null || r.offset() >= stop) {
                        continue;
                    }
                    if (!each.visit(r)) {
                        return true;
                    }
                    if (r.offset() + 1 >= stop) {
                        end.remove(tp);
                    }
                }
                // A partition whose last records were removed by retention (or transaction markers) ends early.
                end.keySet().removeIf(tp -> consumer.position(tp) >= end.get(tp));
            }
            return true;
        }
    }

    /** Visits one record; false stops the read. */
    @FunctionalInterface
    public interface RecordVisitor {
        boolean visit(ConsumerRecord<String, byte[]> record);

        static RecordVisitor all(Consumer<ConsumerRecord<String, byte[]>> each) {
            return r -> {
                each.accept(r);
                return true;
            };
        }
    }

    private Map<String, Object> withoutGroup(Map<String, Object> props) {
        Map<String, Object> all = broker.with(props);
        all.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return all;
    }
}
