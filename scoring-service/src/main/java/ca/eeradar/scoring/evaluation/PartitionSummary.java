package ca.eeradar.scoring.evaluation;

import java.time.Instant;

/** What one partition's evaluation of a round revision counted; the round completes when every partition reported. */
public record PartitionSummary(
        String drawNumber,
        int drawRevision,
        int partition,
        int partitions,
        long evaluated,
        long eligible,
        long likely,
        long unreadable,
        Instant receivedAt,
        Instant startedAt,
        Instant finishedAt) {}
