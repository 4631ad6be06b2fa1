package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.Draw;
import java.time.Instant;

/**
 * "Evaluate this round revision on your partition": one per profile partition, sent to that
 * partition of the requests topic, which is co-partitioned with the profiles. The partition is in
 * the body too, so the summary names it even where the request was read from elsewhere (a
 * single-partition test driver). {@code receivedAt}: when the round reached scoring-service, the start
 * of DrawEvaluated's duration; {@code requestedAt}: the evaluation time every event of it carries, the
 * same on a re-run.
 */
public record EvaluationRequest(Draw draw, int partition, int partitions, Instant receivedAt, Instant requestedAt) {

    /** The fan-out of a round revision: one request per profile partition, each to be sent to its partition. */
    public static java.util.List<EvaluationRequest> fanOut(
            Draw draw, int partitions, Instant receivedAt, Instant requestedAt) {
        java.util.List<EvaluationRequest> requests = new java.util.ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            requests.add(new EvaluationRequest(draw, p, partitions, receivedAt, requestedAt));
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
