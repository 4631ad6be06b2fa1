package ca.eeradar.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every topic of ee-radar, defined once. The local stack, the test resource and the Kubernetes
 * KafkaTopic resources create them with these settings instead of relying on broker auto-creation.
 */
public final class Topics {
    /** Key: draw number. DrawAnnounced, DrawCorrected. Kept long enough to rebuild any read model. */
    public static final String DRAWS = "express-entry.draws";
    /** Key: candidate id. InvitationLikely. */
    public static final String INVITATION_LIKELY = "express-entry.invitation-likely";
    /** Key: candidate id. CandidateScored, CandidateErased. Compacted: the latest fact per candidate. */
    public static final String CANDIDATE_SCORES = "express-entry.candidate-scores";
    /** Key: candidate id. InvitationForecast. Compacted: the latest forecast per candidate. */
    public static final String INVITATION_FORECASTS = "express-entry.invitation-forecasts";
    /** Key: draw number. DrawEvaluated. */
    public static final String DRAW_EVALUATIONS = "express-entry.draw-evaluations";

    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {}

    /** Dead letters are kept 28 days: two sprints to notice, fix the consumer and redrive them. */
    public static final long DLQ_RETENTION_MS = 28L * 24 * 3600 * 1000;

    /** The fewest partitions of a DLQ, whatever its source, so that several consumers can drain a burst. */
    public static final int DLQ_MIN_PARTITIONS = 3;

    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    /** A topic with the settings it must be created with. */
    public record TopicSpec(String name, int partitions, Map<String, String> configs) {}

    /**
     * The dead-letter topic of {@code source}: as many partitions as the source (at least
     * {@link #DLQ_MIN_PARTITIONS}), so a burst of poison from every partition spreads as the source did;
     * deleted after {@link #DLQ_RETENTION_MS}, never compacted, even for a compacted source: two dead
     * letters of one key are two separate failures, and an operator must see both.
     */
    public static TopicSpec deadLetters(TopicSpec source) {
        return new TopicSpec(
                dlq(source.name()),
                Math.max(DLQ_MIN_PARTITIONS, source.partitions()),
                Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(DLQ_RETENTION_MS)));
    }

    /**
     * Draws: 3 partitions are plenty (a few rounds a week) and keyed by number, so one round's
     * revisions stay in order. Retention is infinite: read models are rebuilt by replaying it.
     * Per-candidate topics get 6 partitions so consumers can scale out.
     */
    public static List<TopicSpec> all() {
        Map<String, String> forever = Map.of("retention.ms", "-1");
        Map<String, String> compacted = Map.of("cleanup.policy", "compact");
        List<TopicSpec> sources = List.of(
                new TopicSpec(DRAWS, 3, forever),
                new TopicSpec(INVITATION_LIKELY, 6, forever),
                new TopicSpec(CANDIDATE_SCORES, 6, compacted),
                new TopicSpec(DRAW_EVALUATIONS, 3, forever),
                new TopicSpec(INVITATION_FORECASTS, 6, compacted));
        return withDeadLetters(sources);
    }

    /** {@code sources}, then the dead-letter topic of each. */
    static List<TopicSpec> withDeadLetters(List<TopicSpec> sources) {
        List<TopicSpec> all = new ArrayList<>(sources);
        sources.forEach(s -> all.add(deadLetters(s)));
        return List.copyOf(all);
    }
}
