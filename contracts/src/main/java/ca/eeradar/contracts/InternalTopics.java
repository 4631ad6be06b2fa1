package ca.eeradar.contracts;

import java.util.List;
import java.util.Map;

/**
 * The topics scoring-service keeps for itself. They are not part of the public API ({@link Topics}
 * is): only scoring-service's Kafka user may read or write them (deploy/ declares the ACLs), and
 * {@link #CANDIDATE_PROFILES} carries personal data, encrypted. Declared here so that the local
 * stack, the tests and deploy/ create them with the same settings.
 */
public final class InternalTopics {
    /**
     * Key: candidate id; value: the stored profile, AES-GCM encrypted (key id in a header);
     * a tombstone on erasure. Compacted: the latest profile per candidate, from which each stream task
     * rebuilds the pool of its partition. The evaluation requests are co-partitioned with it.
     */
    public static final String CANDIDATE_PROFILES = "scoring.candidate-profiles";
    /**
     * Per profile partition and round revision, the request for each of its slices, always to that partition: slice 0
     * from the round's fan-out, each next one from the task that judged the one before.
     */
    public static final String EVALUATION_REQUESTS = "scoring.evaluation-requests";
    /** Key: round number + revision. One summary per evaluated slice of a partition; the last one completes the round. */
    public static final String PARTITION_SUMMARIES = "scoring.partition-summaries";

    /** The Kafka Streams application id: its consumer group, transactional ids and changelog topics start with it. */
    public static final String APPLICATION_ID = "scoring-service-evaluation";

    /** The default partition count of the profile topic (and of the requests co-partitioned with it). */
    public static final int DEFAULT_PROFILE_PARTITIONS = 12;

    /** Header naming the key that encrypted a profile record, so keys can rotate. */
    public static final String KEY_ID_HEADER = "ee-radar-key-id";

    private static final long HOUR_MS = 3_600_000L;

    private InternalTopics() {}

    /**
     * The sources of the evaluation topology whose poison is dead-lettered (Kafka Streams' exception
     * handlers). The profile topic is not one: its store restores straight from the topic, past any
     * handler, so an unreadable profile is counted as unassessable instead (and it is personal data).
     */
    public static final List<String> DEAD_LETTERED = List.of(EVALUATION_REQUESTS, PARTITION_SUMMARIES);

    /** The internal topics with {@link #DEFAULT_PROFILE_PARTITIONS}, then the dead-letter topics of {@link #DEAD_LETTERED}. */
    public static List<Topics.TopicSpec> all() {
        return all(DEFAULT_PROFILE_PARTITIONS);
    }

    /**
     * Erasure: a tombstone makes the profile's older records eligible for compaction at once
     * ({@code min.compaction.lag.ms=0}); a segment rolls at least hourly and the cleaner must compact
     * within a day ({@code max.compaction.lag.ms}), so an erased profile's last value is gone from the
     * log within about 25 hours; the tombstone itself is dropped an hour later ({@code delete.retention.ms}).
     */
    public static List<Topics.TopicSpec> all(int profilePartitions) {
        Map<String, String> profiles = Map.of(
                "cleanup.policy",
                "compact",
                "min.compaction.lag.ms",
                "0",
                "max.compaction.lag.ms",
                String.valueOf(24 * HOUR_MS),
                "segment.ms",
                String.valueOf(HOUR_MS),
                "delete.retention.ms",
                String.valueOf(HOUR_MS),
                "min.cleanable.dirty.ratio",
                "0.1");
        Map<String, String> week = Map.of("retention.ms", String.valueOf(7 * 24 * HOUR_MS));
        Topics.TopicSpec requests = new Topics.TopicSpec(EVALUATION_REQUESTS, profilePartitions, week);
        Topics.TopicSpec summaries = new Topics.TopicSpec(PARTITION_SUMMARIES, 3, week);
        return List.of(
                new Topics.TopicSpec(CANDIDATE_PROFILES, profilePartitions, profiles),
                requests,
                summaries,
                Topics.deadLetters(requests),
                Topics.deadLetters(summaries));
    }
}
