package ca.eeradar.scoring.pool;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.jboss.logging.Logger;

/**
 * How long a task took to rebuild its pool from the profile topic (logged and timed per partition):
 * the time an assigned partition is not yet evaluating, what standby replicas shorten.
 */
@ApplicationScoped
public class RestoreLog implements StateRestoreListener {
    private static final Logger LOG = Logger.getLogger(RestoreLog.class);

    @Inject
    MeterRegistry registry;

    private final Map<TopicPartition, Long> started = new ConcurrentHashMap<>();

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        started.put(partition, System.nanoTime());
        LOG.infof("restoring %s from %s: offsets %d to %d", storeName, partition, startingOffset, endingOffset);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        // Per batch: too frequent to log.
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        Long start = started.remove(partition);
        long nanos = start == null ? 0 : System.nanoTime() - start;
        Timer.builder("eeradar.scoring.restore")
                .description("Time to rebuild a state store of the evaluation from its topic")
                .tag("store", storeName)
                .register(registry)
                .record(Duration.ofNanos(nanos));
        LOG.infof("restored %s from %s: %d records in %d ms", storeName, partition, totalRestored, nanos / 1_000_000);
    }
}
