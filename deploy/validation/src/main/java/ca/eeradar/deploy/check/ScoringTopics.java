package ca.eeradar.deploy.check;

import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.contracts.Topics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * scoring-service's internal topics as deploy/ must declare them: {@link InternalTopics#all()} and the
 * changelogs Kafka Streams keeps for the logged stores of its topology. Streams names a changelog
 * {@code <application id>-<store>-changelog} and, finding it, requires the partition count of the input
 * topic of the store's sub-topology; it creates only a missing one, which scoring's ACLs forbid.
 */
public final class ScoringTopics {
    /**
     * The logged stores of scoring-service's EvaluationTopology, each with the input topic of its
     * sub-topology. The read-only pool store has no changelog (scoring.candidate-profiles is its log).
     * ScoringTopicsTest fails when the topology's source names other stores.
     */
    public static final Map<String, String> LOGGED_STORES = orderedStores();

    /** Streams' internal topics, and its transactional ids, start with the application id and a dash. */
    public static final String STREAMS_PREFIX = InternalTopics.APPLICATION_ID + "-";

    /** The label (and value) that sets internal topics apart from the public ones. */
    public static final String VISIBILITY_LABEL = "ee-radar/visibility";
    public static final String INTERNAL = "internal";

    private ScoringTopics() {
    }

    private static Map<String, String> orderedStores() {
        Map<String, String> stores = new LinkedHashMap<>();
        stores.put("evaluated-rounds", InternalTopics.EVALUATION_REQUESTS);
        stores.put("round-progress", InternalTopics.PARTITION_SUMMARIES);
        return Collections.unmodifiableMap(stores);
    }

    public static String changelog(String store) {
        return STREAMS_PREFIX + store + "-changelog";
    }

    /**
     * The internal topics for a profile topic of {@code profilePartitions} partitions (deploy/ may choose
     * another count than the default, for both co-partitioned topics), then the changelogs (compacted, as
     * Streams creates them), each with the partitions of its sub-topology's input.
     */
    public static List<Topics.TopicSpec> all(int profilePartitions) {
        List<Topics.TopicSpec> all = new ArrayList<>(InternalTopics.all(profilePartitions));
        LOGGED_STORES.forEach((store, input) -> all.add(new Topics.TopicSpec(changelog(store),
                spec(all, input).orElseThrow().partitions(), Map.of("cleanup.policy", "compact"))));
        return List.copyOf(all);
    }

    static Optional<Topics.TopicSpec> spec(List<Topics.TopicSpec> specs, String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Whether a topic is scoring-service's own: an InternalTopics name or one under the application id. */
    public static boolean isInternal(String topic) {
        return topic.startsWith("scoring.") || topic.startsWith(STREAMS_PREFIX);
    }
}
