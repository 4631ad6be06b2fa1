package ca.eeradar.deploy.check;

import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.contracts.Topics;
import ca.eeradar.deploy.manifest.Finding;
import ca.eeradar.deploy.manifest.Manifest;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Topics as {@code Topics.java} and {@code InternalTopics.java} define them, with the changelogs of
 * scoring's Kafka Streams topology (every one, with its partitions and settings, and no other; the
 * co-partitioned ones with equal counts), and replication fit for the overlay.
 */
final class KafkaTopicChecks {
    private final Rendered rendered;
    private final Scope scope;
    private final List<Finding> findings;
    private final Map<String, Topics.TopicSpec> specs = new LinkedHashMap<>();
    /** The brokers of the overlay's cluster, 0 if it brings none: no topic may ask for more replicas. */
    private final int brokers;

    KafkaTopicChecks(Rendered rendered, Scope scope, List<Finding> findings, int brokers) {
        this.rendered = rendered;
        this.scope = scope;
        this.findings = findings;
        this.brokers = brokers;
        Topics.all().forEach(s -> specs.put(s.name(), s));
        // The profile topic's count as declared (default 12): the co-partitioned topics must follow it.
        ScoringTopics.all(profilePartitions(rendered)).forEach(s -> specs.put(s.name(), s));
    }

    /** The names of every topic there must be: the public and internal ones and scoring's changelogs. */
    Set<String> names() {
        return specs.keySet();
    }

    /** The partitions of scoring.candidate-profiles as declared, or the default without one. */
    static int profilePartitions(Rendered rendered) {
        return rendered.all(KafkaTopic.class)
                .filter(f -> InternalTopics.CANDIDATE_PROFILES.equals(topicName(f.resource())))
                .map(f -> f.resource().getSpec() == null ? null : f.resource().getSpec().getPartitions())
                .filter(Objects::nonNull).findFirst().orElse(InternalTopics.DEFAULT_PROFILE_PARTITIONS);
    }

    private static String topicName(KafkaTopic topic) {
        return topic.getSpec() != null && topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName()
                : topic.getMetadata().getName();
    }

    private static String definedIn(String topic) {
        if (topic.startsWith(ScoringTopics.STREAMS_PREFIX)) {
            return "the changelog Kafka Streams keeps for a logged store of scoring's topology";
        }
        return ScoringTopics.isInternal(topic) ? "contracts InternalTopics.java" : "contracts Topics.java";
    }

    void topic(Manifest m, KafkaTopic topic) {
        String name = topicName(topic);
        Topics.TopicSpec spec = specs.get(name);
        if (spec == null) {
            findings.add(Finding.of(m, "topic " + name + " is not defined in contracts Topics.java or InternalTopics.java "
                    + "(nor a changelog of scoring's topology)"));
            return;
        }
        String visibility = Optional.ofNullable(topic.getMetadata().getLabels()).orElse(Map.of())
                .get(ScoringTopics.VISIBILITY_LABEL);
        if (ScoringTopics.isInternal(name) != ScoringTopics.INTERNAL.equals(visibility)) {
            findings.add(Finding.of(m, ScoringTopics.isInternal(name)
                    ? "an internal topic of scoring-service must carry the label " + ScoringTopics.VISIBILITY_LABEL
                    + ": " + ScoringTopics.INTERNAL
                    : "a public topic must not carry the label " + ScoringTopics.VISIBILITY_LABEL + ": " + visibility));
        }
        if (topic.getSpec() == null) {
            findings.add(Finding.of(m, "has no spec"));
            return;
        }
        if (!Objects.equals(topic.getSpec().getPartitions(), spec.partitions())) {
            findings.add(Finding.of(m, "partitions " + topic.getSpec().getPartitions() + " but " + definedIn(name)
                    + " says " + spec.partitions()));
        }
        Map<String, Object> config = Optional.ofNullable(topic.getSpec().getConfig()).orElse(Map.of());
        spec.configs().forEach((key, value) -> {
            if (!value.equals(String.valueOf(config.get(key)))) {
                findings.add(Finding.of(m, "config " + key + " is " + config.get(key) + " but " + definedIn(name)
                        + " says " + value));
            }
        });
        int replicas = Optional.ofNullable(topic.getSpec().getReplicas()).orElse(-1);
        Object minIsr = config.get("min.insync.replicas");
        int minInsync = minIsr == null ? -1 : Integer.parseInt(String.valueOf(minIsr));
        if (replicas < 1 || minInsync < 1) {
            findings.add(Finding.of(m, "replicas and config min.insync.replicas must both be set"));
            return;
        }
        if (scope == Scope.PROD && (replicas < 3 || minInsync != 2)) {
            findings.add(Finding.of(m, "production needs replicas >= 3 and min.insync.replicas 2 (is " + replicas
                    + " and " + minInsync + ")"));
        }
        if (replicas > 1 && minInsync >= replicas) {
            findings.add(Finding.of(m, "min.insync.replicas " + minInsync + " must be below replicas " + replicas
                    + ", or losing one broker stops every acks=all producer"));
        }
        if (minInsync > replicas) {
            findings.add(Finding.of(m, "min.insync.replicas " + minInsync + " exceeds replicas " + replicas));
        }
        if (brokers > 0 && replicas > brokers) {
            findings.add(Finding.of(m, "replicas " + replicas + " but the cluster has " + brokers + " broker(s)"));
        }
    }

    /** Every topic there must be has its KafkaTopic resource (whole overlays only). */
    void everyTopicDeclared() {
        Set<String> declared = rendered.all(KafkaTopic.class).map(f -> topicName(f.resource()))
                .collect(Collectors.toSet());
        for (Topics.TopicSpec spec : specs.values()) {
            if (!declared.contains(spec.name())) {
                findings.add(new Finding("deploy/k8s", "KafkaTopic " + spec.name(), "topic " + spec.name()
                        + " (" + definedIn(spec.name()) + ") has no KafkaTopic resource"));
            }
        }
    }

    /**
     * Co-partitioning as rendered: a request for partition N must meet profile partition N in one task, and
     * each changelog must have its sub-topology's input count, or Streams refuses to run.
     */
    void coPartitioned() {
        Map<String, Rendered.Found<KafkaTopic>> byName = new LinkedHashMap<>();
        rendered.all(KafkaTopic.class).forEach(f -> byName.putIfAbsent(topicName(f.resource()), f));
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put(InternalTopics.EVALUATION_REQUESTS, InternalTopics.CANDIDATE_PROFILES);
        ScoringTopics.LOGGED_STORES.forEach((store, input) -> pairs.put(ScoringTopics.changelog(store), input));
        pairs.forEach((topic, partner) -> {
            Rendered.Found<KafkaTopic> a = byName.get(topic);
            Rendered.Found<KafkaTopic> b = byName.get(partner);
            if (a == null || b == null || a.resource().getSpec() == null || b.resource().getSpec() == null) {
                return;
            }
            if (!Objects.equals(a.resource().getSpec().getPartitions(), b.resource().getSpec().getPartitions())) {
                findings.add(Finding.of(a.manifest(), "partitions " + a.resource().getSpec().getPartitions()
                        + " but " + partner + " has " + b.resource().getSpec().getPartitions() + ": the two must have "
                        + "the same count (co-partitioned; Kafka Streams refuses to run otherwise)"));
            }
        });
    }
}
