package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Sums the partition summaries of a round revision and emits its DrawEvaluated once, when the last
 * slice of the last partition reported. Each partition's task decides its own slice count, which every summary of
 * it carries. Summaries are keyed by round, so all of one round meet in one task; a repeated summary of a slice is
 * ignored, and once emitted a round stays marked as such.
 */
final class RoundCompletion implements Processor<String, byte[], String, byte[]> {
    private static final Logger LOG = Logger.getLogger(RoundCompletion.class);

    /** Told each round's evaluation time once its DrawEvaluated is forwarded (a metric, not state). */
    private final Consumer<Duration> roundEvaluated;

    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> rounds;

    /**
     * The progress of one round revision, as stored. {@code slicesReported}: by partition, null until its first
     * summary, then one flag per slice of its count.
     */
    record Progress(
            String drawNumber,
            int drawRevision,
            boolean[][] slicesReported,
            long evaluated,
            long eligible,
            long likely,
            long unreadable,
            long receivedAtMs,
            long lastFinishedAtMs,
            boolean emitted) {

        static Progress start(PartitionSummary s) {
            return new Progress(
                    s.drawNumber(),
                    s.drawRevision(),
                    new boolean[s.partitions()][],
                    0,
                    0,
                    0,
                    0,
                    s.receivedAt().toEpochMilli(),
                    0,
                    false);
        }

        /**
         * Whether {@code s} is news: a slice of a partition of this round not reported yet, under the slice count of
         * the partition's first summary. One with another partition or slice count (repartitioned or re-sliced
         * between a fan-out and its retry) cannot be placed: ignored, the retry's own summaries complete the round.
         */
        boolean accepts(PartitionSummary s) {
            if (emitted || slicesReported == null || slicesReported.length != s.partitions()) {
                return false;
            }
            boolean[] slices = slicesReported[s.partition()];
            return slices == null || (slices.length == s.slices() && !slices[s.slice()]);
        }

        boolean complete() {
            for (boolean[] slices : slicesReported) {
                if (slices == null) {
                    return false;
                }
                for (boolean reported : slices) {
                    if (!reported) {
                        return false;
                    }
                }
            }
            return true;
        }

        int slices() {
            int count = 0;
            for (boolean[] slices : slicesReported) {
                count += slices == null ? 0 : slices.length;
            }
            return count;
        }

        Progress add(PartitionSummary s) {
            boolean[][] now = slicesReported.clone();
            now[s.partition()] = now[s.partition()] == null ? new boolean[s.slices()] : now[s.partition()].clone();
            now[s.partition()][s.slice()] = true;
            return new Progress(
                    drawNumber,
                    drawRevision,
                    now,
                    evaluated + s.evaluated(),
                    eligible + s.eligible(),
                    likely + s.likely(),
                    unreadable + s.unreadable(),
                    receivedAtMs,
                    Math.max(lastFinishedAtMs, s.finishedAt().toEpochMilli()),
                    false);
        }

        Progress emittedNow() {
            return new Progress(
                    drawNumber,
                    drawRevision,
                    slicesReported,
                    evaluated,
                    eligible,
                    likely,
                    unreadable,
                    receivedAtMs,
                    lastFinishedAtMs,
                    true);
        }
    }

    RoundCompletion(Consumer<Duration> roundEvaluated) {
        this.roundEvaluated = roundEvaluated;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.rounds = context.getStateStore(EvaluationTopology.ROUNDS_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        PartitionSummary summary = InternalRecords.read(record, PartitionSummary.class);
        if (!summary.inRange()) {
            throw new UnreadableRecordException("summary of partition " + summary.partition() + " of "
                    + summary.partitions() + ", slice " + summary.slice() + " of " + summary.slices());
        }
        byte[] stored = rounds.get(record.key());
        Progress progress = stored == null ? Progress.start(summary) : EventJson.read(stored, Progress.class);
        if (!progress.accepts(summary)) {
            return;
        }
        progress = progress.add(summary);
        if (progress.complete()) {
            long durationMs = Math.max(0, progress.lastFinishedAtMs() - progress.receivedAtMs());
            DrawEvaluated done = new DrawEvaluated(
                    progress.drawNumber(),
                    progress.drawRevision(),
                    progress.evaluated(),
                    progress.eligible(),
                    progress.likely(),
                    durationMs);
            CloudEvent ce = new CloudEvent(
                    EventTypes.drawEvaluatedId(progress.drawNumber(), progress.drawRevision()),
                    EventTypes.DRAW_EVALUATED,
                    EventTypes.SOURCE_SCORING,
                    summary.finishedAt(),
                    progress.drawNumber());
            context.forward(
                    new Record<>(
                            progress.drawNumber(),
                            EventJson.write(done),
                            record.timestamp(),
                            new RecordHeaders(ce.headers())),
                    EvaluationTopology.DRAW_EVALUATIONS_SINK);
            LOG.infof(
                    "round %s evaluated on %d partition slices: %d in pool, %d eligible, %d likely, %d unreadable, %s",
                    record.key(),
                    progress.slices(),
                    progress.evaluated(),
                    progress.eligible(),
                    progress.likely(),
                    progress.unreadable(),
                    Duration.ofMillis(durationMs));
            roundEvaluated.accept(Duration.ofMillis(durationMs));
            context.commit(); // DrawEvaluated visible now, not at the next commit interval
            progress = progress.emittedNow();
        }
        rounds.put(record.key(), EventJson.write(progress));
    }
}
