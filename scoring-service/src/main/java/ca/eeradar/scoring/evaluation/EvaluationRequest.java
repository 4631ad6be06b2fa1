package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.Draw;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * "Evaluate this slice of your partition for this round revision". Slice {@code s} of {@code n} judges the
 * pool's blocks {@code s, s+n, s+2n, ...} of {@link PoolJudge#BLOCK} slots: a candidate keeps their slot while
 * their profile changes, so each candidate is judged once per round revision whatever changes between slices.
 *
 * <p>The fan-out sends each partition the request for its first slice, with the slice count left open ({@code
 * slices} 0): the task that holds the partition knows its pool and cuts it into {@link #slicesFor} slices of at
 * most {@code evaluation.slice-size} slots, so a transaction is bounded by work, not by a count that suits one
 * pool size only (8 fixed slices cost a 1,000,000-profile round 8 waits for a commit and a fetch, with slices a
 * tenth of what a transaction can hold). The task that judged slice {@code s} writes the request for slice {@code
 * s+1} ({@link #next}), count decided, to the same partition, in the same transaction as the slice's events. A
 * read_committed reader sees that request only once the transaction committed, so a task never judges two slices
 * of a round in one transaction, whatever number of records Kafka Streams hands a task per loop (it grows that
 * number after loops without a commit: a round sent whole, every slice at once, ran one transaction over 84 of its
 * 96 slices on 2026-12-06). A crash before the commit leaves neither the slice's events nor the next request, and
 * the next owner of the partition judges the slice again (slice 0 with a count decided afresh: nothing of the
 * first attempt is visible).
 *
 * <p>Why slices: under exactly-once a stream thread has one transaction at a time, which spans one request per
 * task it holds. A whole partition per request made one transaction span the round's evaluation on every
 * partition the thread holds (about 20 s at 10,000,000 profiles, beyond the transaction timeout).
 *
 * <p>The partition is in the body too, so the summary names it even where the request was read from
 * elsewhere (a single-partition test driver). {@code receivedAt}: when the round reached
 * scoring-service, the start of DrawEvaluated's duration; {@code requestedAt}: the evaluation time
 * every event of it carries, the same on a re-run.
 */
public record EvaluationRequest(
        Draw draw, int partition, int partitions, int slice, int slices, Instant receivedAt, Instant requestedAt) {

    public EvaluationRequest {
        if (slices < 1) { // the count left to the task (the fan-out, or a request written before rounds were sliced)
            slice = 0;
            slices = 0;
        }
    }

    /** The fan-out of a round revision: the first slice for each profile partition, count open, each to be sent to its partition. */
    public static List<EvaluationRequest> fanOut(Draw draw, int partitions, Instant receivedAt, Instant requestedAt) {
        List<EvaluationRequest> requests = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            requests.add(new EvaluationRequest(draw, p, partitions, 0, 0, receivedAt, requestedAt));
        }
        return requests;
    }

    /** Whether the task decides the slice count (a first slice as the fan-out sends it). */
    public boolean countOpen() {
        return slices == 0;
    }

    /** This request with its slice count decided. */
    public EvaluationRequest inSlices(int count) {
        return new EvaluationRequest(draw, partition, partitions, slice, count, receivedAt, requestedAt);
    }

    /**
     * Slices for a pool of {@code poolSlots} slots (erased ones included: they stay in the walk) so that none holds
     * more than {@code sliceSize}; at least 1, an empty pool reports too.
     */
    public static int slicesFor(int poolSlots, int sliceSize) {
        return Math.max(1, (int) ((poolSlots + (long) sliceSize - 1) / sliceSize));
    }

    /** The request for the next slice of the same partition, or null after the last slice. */
    public EvaluationRequest next() {
        return slice + 1 < slices
                ? new EvaluationRequest(draw, partition, partitions, slice + 1, slices, receivedAt, requestedAt)
                : null;
    }

    /** The key of every record about one round revision (requests and summaries). */
    public static String roundKey(String drawNumber, int revision) {
        return drawNumber + "/r" + revision;
    }

    public String roundKey() {
        return roundKey(draw.number(), draw.revision());
    }
}
