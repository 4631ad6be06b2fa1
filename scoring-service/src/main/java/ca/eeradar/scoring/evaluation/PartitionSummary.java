package ca.eeradar.scoring.evaluation;

import java.time.Instant;

/**
 * What one slice of a partition's evaluation of a round revision counted ({@link EvaluationRequest}); the round
 * completes when every slice of every partition reported.
 */
public record PartitionSummary(
        String drawNumber,
        int drawRevision,
        int partition,
        int partitions,
        int slice,
        int slices,
        long evaluated,
        long eligible,
        long likely,
        long unreadable,
        Instant receivedAt,
        Instant startedAt,
        Instant finishedAt) {

    public PartitionSummary {
        if (slices < 1) { // a summary written before rounds were sliced: the whole partition
            slice = 0;
            slices = 1;
        }
    }

    boolean inRange() {
        return partition >= 0 && partition < partitions && slice >= 0 && slice < slices;
    }
}
