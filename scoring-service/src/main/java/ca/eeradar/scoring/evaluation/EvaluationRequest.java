package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.Draw;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * "Evaluate this slice of your partition for this round revision": {@code slices} per profile
 * partition, all sent to that partition of the requests topic, which is co-partitioned with the
 * profiles. Slice {@code s} of {@code n} judges the pool's blocks {@code s, s+n, s+2n, ...} of {@link
 * PoolJudge#BLOCK} slots: a candidate
 * keeps its slot while their profile changes, so each candidate is judged once per round revision
 * whatever changes between slices.
 *
 * <p>Why slices: under exactly-once one stream thread has one transaction, and Kafka Streams commits
 * between its loops over its tasks. A whole partition per request made one transaction span a round's
 * evaluation on every partition the thread holds (about 20 s at 10,000,000 profiles, beyond the
 * transaction timeout); with a commit asked after each slice ({@link PartitionEvaluation}) it spans one
 * slice per task, about 1/n of that.
 *
 * <p>The partition is in the body too, so the summary names it even where the request was read from
 * elsewhere (a single-partition test driver). {@code receivedAt}: when the round reached
 * scoring-service, the start of DrawEvaluated's duration; {@code requestedAt}: the evaluation time
 * every event of it carries, the same on a re-run.
 */
public record EvaluationRequest(
        Draw draw, int partition, int partitions, int slice, int slices, Instant receivedAt, Instant requestedAt) {

    public EvaluationRequest {
        if (slices < 1) { // a request sent before rounds were sliced: the whole partition
            slice = 0;
            slices = 1;
        }
    }

    /** The fan-out of a round revision: {@code slices} requests per profile partition, each to be sent to its partition. */
    public static List<EvaluationRequest> fanOut(
            Draw draw, int partitions, int slices, Instant receivedAt, Instant requestedAt) {
        List<EvaluationRequest> requests = new ArrayList<>(partitions * slices);
        for (int p = 0; p < partitions; p++) {
            for (int s = 0; s < slices; s++) {
                requests.add(new EvaluationRequest(draw, p, partitions, s, slices, receivedAt, requestedAt));
            }
        }
        return requests;
    }

    /** The key of every record about one round revision (requests and summaries). */
    public static String roundKey(String drawNumber, int revision) {
        return drawNumber + "/r" + revision;
    }

    public String roundKey() {
        return roundKey(draw.number(), draw.revision());
    }
}
