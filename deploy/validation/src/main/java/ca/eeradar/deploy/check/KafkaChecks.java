package ca.eeradar.deploy.check;

import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.contracts.Topics;
import ca.eeradar.deploy.config.ConfigCatalog;
import ca.eeradar.deploy.manifest.Finding;
import ca.eeradar.deploy.manifest.Manifest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleClusterResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;

import java.util.ArrayList;
import java.util.HashSet;
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
 * co-partitioned ones with equal counts), replication fit for the overlay, and per-service users whose
 * ACLs reach only their topics: scoring's internal topics (personal data) are scoring-service's alone, and
 * its user has every grant its Streams application needs.
 */
final class KafkaChecks {
    /** Operations no service needs: topics are created and configured by the Topic Operator only. */
    private static final Set<AclOperation> FORBIDDEN = Set.of(AclOperation.ALL, AclOperation.ALTER,
            AclOperation.ALTERCONFIGS, AclOperation.CREATE, AclOperation.DELETE, AclOperation.CLUSTERACTION);

    /**
     * What scoring-service needs on a cluster with simple authorization: its consumers' groups (the draws
     * channel's and the Streams application id's), its topics, the Streams changelogs (prefix), exactly_once_v2's
     * transactional ids (prefix) and idempotent producers.
     */
    private static final List<Grant> SCORING_GRANTS = scoringGrants();

    private final Rendered rendered;
    private final Scope scope;
    private final List<Finding> findings;

    KafkaChecks(Rendered rendered, Scope scope, List<Finding> findings) {
        this.rendered = rendered;
        this.scope = scope;
        this.findings = findings;
    }

    void check() {
        Map<String, Topics.TopicSpec> specs = new LinkedHashMap<>();
        Topics.all().forEach(s -> specs.put(s.name(), s));
        // The profile topic's count as declared (default 12): the co-partitioned topics must follow it.
        ScoringTopics.all(profilePartitions(rendered)).forEach(s -> specs.put(s.name(), s));
        Optional<String> cluster = rendered.all(Kafka.class).map(f -> f.resource().getMetadata().getName()).findFirst();
        int brokers = rendered.all(KafkaNodePool.class)
                .filter(f -> f.resource().getSpec() != null && f.resource().getSpec().getRoles() != null
                        && f.resource().getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(f -> f.resource().getSpec().getReplicas()).sum();

        rendered.all(KafkaTopic.class).forEach(f -> topic(f.manifest(), f.resource(), specs, brokers));
        rendered.all(KafkaTopic.class).forEach(f -> clusterLabel(f.manifest(), f.resource(), cluster));
        rendered.all(KafkaUser.class).forEach(f -> clusterLabel(f.manifest(), f.resource(), cluster));
        rendered.all(KafkaUser.class).forEach(f -> user(f.manifest(), f.resource(), specs.keySet()));
        coPartitioned();

        if (scope == Scope.FRAGMENT) {
            return;
        }
        Set<String> declared = rendered.all(KafkaTopic.class).map(f -> topicName(f.resource()))
                .collect(Collectors.toSet());
        for (Topics.TopicSpec spec : specs.values()) {
            if (!declared.contains(spec.name())) {
                findings.add(new Finding("deploy/k8s", "KafkaTopic " + spec.name(), "topic " + spec.name()
                        + " (" + definedIn(spec.name()) + ") has no KafkaTopic resource"));
            }
        }
        scoringUser();
        if (scope == Scope.DEV && cluster.isEmpty()) {
            findings.add(new Finding("deploy/k8s/overlays/dev", "Kafka", "the dev overlay has no Kafka cluster"));
        }
        rendered.all(Deployment.class).forEach(d -> {
            String service = WorkloadChecks.serviceOf(d.resource());
            if (rendered.named(KafkaUser.class, service).findAny().isEmpty()) {
                findings.add(Finding.of(d.manifest(), "no KafkaUser '" + service + "' for this service"));
            }
        });
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

    private void topic(Manifest m, KafkaTopic topic, Map<String, Topics.TopicSpec> specs, int brokers) {
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

    private void clusterLabel(Manifest m, HasMetadata resource, Optional<String> cluster) {
        String label = Optional.ofNullable(resource.getMetadata().getLabels()).orElse(Map.of()).get("strimzi.io/cluster");
        if (label == null) {
            findings.add(Finding.of(m, "missing label strimzi.io/cluster: the Strimzi operators ignore it"));
        } else if (cluster.isPresent() && !cluster.get().equals(label)) {
            findings.add(Finding.of(m, "label strimzi.io/cluster is '" + label + "' but the Kafka cluster is '"
                    + cluster.get() + "'"));
        }
    }

    private void user(Manifest m, KafkaUser user, Set<String> topics) {
        String service = user.getMetadata().getName();
        if (scope != Scope.FRAGMENT && !ConfigCatalog.SERVICES.contains(service)) {
            findings.add(Finding.of(m, "KafkaUser for unknown service " + service));
        }
        if (user.getSpec() == null || user.getSpec().getAuthentication() == null) {
            findings.add(Finding.of(m, "has no authentication"));
        }
        if (user.getSpec() == null || !(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
            findings.add(Finding.of(m, "needs authorization type simple with ACLs"));
            return;
        }
        List<AclRule> acls = Optional.ofNullable(simple.getAcls()).orElse(List.of());
        for (int i = 0; i < acls.size(); i++) {
            AclRule acl = acls.get(i);
            String at = "acls[" + i + "]: ";
            List<AclOperation> operations = operations(acl);
            operations.stream().filter(FORBIDDEN::contains).forEach(op ->
                    findings.add(Finding.of(m, at + "operation " + op + " is more than a service needs")));
            if (acl.getResource() instanceof AclRuleTopicResource topic) {
                String name = Optional.ofNullable(topic.getName()).orElse("");
                boolean prefix = topic.getPatternType() == AclResourcePatternType.PREFIX;
                if (!service.equals(SCORING) && reachesScoringTopics(name, prefix)) {
                    findings.add(Finding.of(m, at + "topic ACL '" + name + "' reaches scoring-service's internal "
                            + "topics, which only scoring-service may use (scoring.candidate-profiles carries personal data)"));
                } else if (prefix ? !(service.equals(SCORING) && name.equals(ScoringTopics.STREAMS_PREFIX))
                        : !topics.contains(name)) {
                    findings.add(Finding.of(m, at + "topic ACL '" + name + "' must name one topic of Topics.java or "
                            + "InternalTopics.java literally (or, for scoring-service, prefix "
                            + ScoringTopics.STREAMS_PREFIX + " for its Streams changelogs)"));
                }
            } else if (acl.getResource() instanceof AclRuleGroupResource group) {
                if (group.getName() == null || !group.getName().startsWith(service)) {
                    findings.add(Finding.of(m, at + "group ACL '" + group.getName() + "' must be the service's own "
                            + "group (starting with " + service + ")"));
                }
            } else if (acl.getResource() instanceof AclRuleTransactionalIdResource tx) {
                if (tx.getName() == null || !tx.getName().startsWith(service)) {
                    findings.add(Finding.of(m, at + "transactionalId ACL must start with " + service));
                }
            } else if (acl.getResource() instanceof AclRuleClusterResource) {
                if (!operations.stream().allMatch(op -> op == AclOperation.IDEMPOTENTWRITE)) {
                    findings.add(Finding.of(m, at + "cluster ACLs may only grant IdempotentWrite"));
                }
            }
        }
    }

    private static final String SCORING = "scoring-service";

    /** Whether a topic ACL could match one of scoring's internal topics (by name, prefix or the wildcard). */
    private static boolean reachesScoringTopics(String name, boolean prefix) {
        if (!prefix) {
            return name.equals("*") || ScoringTopics.isInternal(name);
        }
        return "scoring.".startsWith(name) || ScoringTopics.STREAMS_PREFIX.startsWith(name)
                || ScoringTopics.isInternal(name);
    }

    /**
     * Co-partitioning as rendered: a request for partition N must meet profile partition N in one task, and
     * each changelog must have its sub-topology's input count, or Streams refuses to run.
     */
    private void coPartitioned() {
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

    /** One ACL a user must have: resource type, name, pattern and operation. */
    record Grant(String type, String name, AclResourcePatternType pattern, AclOperation operation) {
        @Override
        public String toString() {
            return operation + " on " + type + " " + (pattern == AclResourcePatternType.PREFIX ? "prefix " : "")
                    + (name == null ? "" : "'" + name + "'");
        }
    }

    private static List<Grant> scoringGrants() {
        List<Grant> grants = new ArrayList<>();
        AclResourcePatternType literal = AclResourcePatternType.LITERAL;
        AclResourcePatternType prefix = AclResourcePatternType.PREFIX;
        grants.add(new Grant("topic", Topics.DRAWS, literal, AclOperation.READ));
        for (String topic : List.of(
                Topics.INVITATION_LIKELY,
                Topics.DRAW_EVALUATIONS,
                Topics.CANDIDATE_SCORES,
                Topics.INVITATION_FORECASTS)) {
            grants.add(new Grant("topic", topic, literal, AclOperation.WRITE));
        }
        for (Topics.TopicSpec internal : InternalTopics.all()) {
            for (AclOperation op : List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE)) {
                grants.add(new Grant("topic", internal.name(), literal, op));
            }
        }
        for (AclOperation op : List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE)) {
            grants.add(new Grant("topic", ScoringTopics.STREAMS_PREFIX, prefix, op));
        }
        grants.add(new Grant("group", SCORING, literal, AclOperation.READ));
        grants.add(new Grant("group", InternalTopics.APPLICATION_ID, literal, AclOperation.READ));
        grants.add(new Grant("transactionalId", ScoringTopics.STREAMS_PREFIX, prefix, AclOperation.WRITE));
        grants.add(new Grant("transactionalId", ScoringTopics.STREAMS_PREFIX, prefix, AclOperation.DESCRIBE));
        grants.add(new Grant("cluster", null, literal, AclOperation.IDEMPOTENTWRITE));
        return List.copyOf(grants);
    }

    private void scoringUser() {
        List<Rendered.Found<KafkaUser>> users = rendered.named(KafkaUser.class, SCORING).toList();
        for (Rendered.Found<KafkaUser> found : users) {
            Set<Grant> granted = new HashSet<>();
            if (found.resource().getSpec() != null
                    && found.resource().getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple) {
                for (AclRule acl : Optional.ofNullable(simple.getAcls()).orElse(List.of())) {
                    if (acl.getType() == AclRuleType.DENY) {
                        continue;
                    }
                    operations(acl).forEach(op -> granted.add(grantOf(acl, op)));
                }
            }
            for (Grant needed : SCORING_GRANTS) {
                if (!granted.contains(needed)) {
                    findings.add(Finding.of(found.manifest(), "missing ACL " + needed + " (Kafka Streams with "
                            + "exactly_once_v2 and scoring's consumers and producers need it)"));
                }
            }
        }
    }

    /** A rule's operations: the list and the older single {@code operation} field. */
    private static List<AclOperation> operations(AclRule acl) {
        List<AclOperation> operations = new ArrayList<>(Optional.ofNullable(acl.getOperations()).orElse(List.of()));
        if (acl.getOperation() != null) {
            operations.add(acl.getOperation());
        }
        return operations;
    }

    private static Grant grantOf(AclRule acl, AclOperation op) {
        if (acl.getResource() instanceof AclRuleTopicResource r) {
            return new Grant("topic", r.getName(), patternOf(r.getPatternType()), op);
        } else if (acl.getResource() instanceof AclRuleGroupResource r) {
            return new Grant("group", r.getName(), patternOf(r.getPatternType()), op);
        } else if (acl.getResource() instanceof AclRuleTransactionalIdResource r) {
            return new Grant("transactionalId", r.getName(), patternOf(r.getPatternType()), op);
        }
        return new Grant("cluster", null, AclResourcePatternType.LITERAL, op);
    }

    private static AclResourcePatternType patternOf(AclResourcePatternType type) {
        return type == null ? AclResourcePatternType.LITERAL : type;
    }
}
