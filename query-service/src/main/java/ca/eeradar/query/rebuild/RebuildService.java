package ca.eeradar.query.rebuild;

import ca.eeradar.kit.Problem;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.kit.kafka.BrokerConnection;
import ca.eeradar.query.QueryConfig;
import ca.eeradar.query.projection.BatchApply;
import ca.eeradar.query.projection.CheckedEvent;
import ca.eeradar.query.projection.Envelope;
import ca.eeradar.query.projection.MalformedEventException;
import ca.eeradar.query.projection.ProjectionConsumers;
import ca.eeradar.query.projection.ReadModelWriter;
import ca.eeradar.query.readmodel.ReadModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Drops the read model and replays the five topics from their beginning with a plain consumer that
 * belongs to no group (assign + seekToBeginning, up to the end offsets seen at the start), through
 * the same {@link ReadModelWriter} and {@link BatchApply} as the live channels, one transaction per
 * poll. The live channels wait on the rebuild lock meanwhile and then go on from their committed
 * offsets: what they apply again was already applied, and upserts make that a no-op. Malformed
 * records and records the database refuses are skipped (the live channel already sent them to the
 * DLQ). An unavailable database is retried like on the live channels, but only within
 * {@code rebuild.timeout}: then the rebuild fails as a whole (the read model is partial, run it again),
 * it never skips a good record. One rebuild at a time per instance; run it on one instance only.
 */
@ApplicationScoped
public class RebuildService {
    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    static final List<String> TOPICS = ProjectionConsumers.TOPICS;

    public record Result(Map<String, Long> replayed, long skipped, long durationMs) {}

    @Inject
    ReadModelWriter writer;

    @Inject
    BatchApply batches;

    @Inject
    ReadModelVersion version;

    @Inject
    QueryConfig config;

    @Inject
    BrokerConnection broker;

    public Result rebuild() {
        Lock exclusive = version.lock().writeLock();
        if (!exclusive.tryLock()) {
            // the lock is not fair: a live record in progress makes us wait a little, a rebuild in progress makes us
            // fail
            try {
                if (!exclusive.tryLock(30, TimeUnit.SECONDS)) {
                    throw new ProblemException(
                            Problem.of(409, "rebuild-running", "Conflict", "a rebuild is already running"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        long start = System.nanoTime();
        try {
            writer.truncate();
            version.reload();
            Map<String, Long> replayed = new LinkedHashMap<>();
            TOPICS.forEach(t -> replayed.put(t, 0L));
            long skipped = replay(replayed);
            version.reload();
            long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
            LOG.infof("read model rebuilt in %d ms: %s, %d skipped", ms, replayed, skipped);
            return new Result(replayed, skipped, ms);
        } finally {
            exclusive.unlock();
        }
    }

    private long replay(Map<String, Long> replayed) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "query-service-rebuild-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        long skipped = 0;
        long deadline = System.nanoTime() + config.rebuild().timeout().toNanos();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(broker.with(props), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic)
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("rebuild did not reach the end of the topics within "
                            + config.rebuild().timeout() + "; the read model is partial: run it again");
                }
                // One transaction per poll, as the live channels do; the writer applies a batch in its order.
                List<CheckedEvent> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(config.rebuild().pollTimeout())) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue;
                    }
                    try {
                        batch.add(CheckedEvent.of(Envelope.of(record)));
                    } catch (MalformedEventException e) {
                        skipped++;
                    }
                }
                // An event the database refuses even alone was dead-lettered by the live channel: skipped here too.
                List<BatchApply.Failure> failures = batches.apply(batch, time -> {}, BatchApply.Patience.REBUILD);
                failures.forEach(f -> LOG.warnf(
                        "rebuild skips %s: %s",
                        batch.get(f.index()).event().id(), f.reason().getMessage()));
                skipped += failures.size();
                batch.forEach(e -> replayed.merge(e.event().topic(), 1L, Long::sum));
                failures.forEach(
                        f -> replayed.merge(batch.get(f.index()).event().topic(), -1L, Long::sum));
            }
        }
        return skipped;
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
