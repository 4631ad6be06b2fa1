package ca.eeradar.scoring.pool;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.internals.RecordBatchingStateRestoreCallback;
import org.jboss.logging.Logger;

/**
 * The profiles of one partition of the profile topic, in memory and packed ({@link PoolSlots}): the
 * state store of one stream task. Kafka Streams fills it from the profile topic itself (a read-only store whose
 * changelog is its source topic, so no second copy of the personal data is written): on assignment
 * by restoring the partition, afterwards record by record through {@link #apply}. A draw then only
 * reads it ({@link #slots}): no database row, no decoding.
 *
 * <p>Restoration goes through Kafka's {@code RecordBatchingStateRestoreCallback} (an internal
 * interface, the one Kafka's own stores use) because the public callback drops the record headers,
 * and the header names the key that encrypted the value.
 */
public final class PartitionPool implements StateStore {
    private static final Logger LOG = Logger.getLogger(PartitionPool.class);

    private final String name;
    private final ProfileRecords records;
    private final PoolSlots slots = new PoolSlots();
    private volatile boolean open;
    private TaskId task;
    private long unreadable;

    PartitionPool(String name, ProfileRecords records) {
        this.name = name;
        this.records = records;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        task = context.taskId();
        RecordBatchingStateRestoreCallback restore = new RecordBatchingStateRestoreCallback() {
            @Override
            public void restoreBatch(Collection<ConsumerRecord<byte[], byte[]>> batch) {
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    apply(r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), r.value(), r.headers());
                }
            }
        };
        context.register(root, restore);
        open = true;
    }

    /** A record of the profile topic: the candidate's current profile, or a tombstone (erasure). */
    public void apply(String candidateId, byte[] value, Headers headers) {
        if (candidateId == null) {
            unreadable++;
            return;
        }
        if (value == null) {
            slots.remove(candidateId);
            return;
        }
        try {
            PoolEntry entry = records.read(candidateId, value, headers);
            slots.put(
                    candidateId,
                    SubmissionTimes.epochNanos(entry.submittedAt()),
                    SubmissionTimes.epochNanos(SubmissionTimes.expiresAt(entry.submittedAt())),
                    entry.profile());
        } catch (RuntimeException e) {
            // Never the reason to stop a partition; by id only, the value is personal data.
            unreadable++;
            slots.remove(candidateId);
            LOG.warnf("profile record of candidate %s in task %s unreadable: %s", candidateId, task, e.getMessage());
        }
    }

    /** The candidates, for a round to walk in slot order; read only. */
    public PoolSlots slots() {
        return slots;
    }

    public int size() {
        return slots.size();
    }

    /** Records that could not be read since this task was assigned. */
    public long unreadable() {
        return unreadable;
    }

    @Override
    public void flush() {
        // Nothing to flush: the topic is the durable copy.
    }

    @Override
    public void close() {
        slots.clear();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }
}
