package ca.eeradar.deploy.check;

import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.contracts.Topics;
import ca.eeradar.deploy.config.ConfigCatalog;
import ca.eeradar.deploy.manifest.Finding;
import ca.eeradar.deploy.manifest.Manifest;
import io.fabric8.kubernetes.api.model.apps.Deployment;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Per-service users whose ACLs reach only their topics: scoring's internal topics (personal data) are
 * scoring-service's alone, and its user has every grant its Streams application needs.
 */
final class KafkaUserChecks {
    /** Operations no service needs: topics are created and configured by the Topic Operator only. */
    private static final Set<AclOperation> FORBIDDEN = Set.of(AclOperation.ALL, AclOperation.ALTER,
            AclOperation.ALTERCONFIGS, AclOperation.CREATE, AclOperation.DELETE, AclOperation.CLUSTERACTION);

    private static final String SCORING = "scoring-service";

    /**
     * What scoring-service needs on a cluster with simple authorization: its consumers' groups (the draws
     * channel's and the Streams application id's), its topics, the Streams changelogs (prefix), exactly_once_v2's
     * transactional ids (prefix) and idempotent producers.
     */
    private static final List<Grant> SCORING_GRANTS = scoringGrants();

    private final Rendered rendered;
    private final Scope scope;
    private final List<Finding> findings;
    /** The topics there must be ({@link KafkaTopicChecks#names}): the only ones a literal topic ACL may name. */
    private final Set<String> topics;

    KafkaUserChecks(Rendered rendered, Scope scope, List<Finding> findings, Set<String> topics) {
        this.rendered = rendered;
        this.scope = scope;
        this.findings = findings;
        this.topics = topics;
    }

    void user(Manifest m, KafkaUser user) {
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

    /** Whether a topic ACL could match one of scoring's internal topics (by name, prefix or the wildcard). */
    private static boolean reachesScoringTopics(String name, boolean prefix) {
        if (!prefix) {
            return name.equals("*") || ScoringTopics.isInternal(name);
        }
        return "scoring.".startsWith(name) || ScoringTopics.STREAMS_PREFIX.startsWith(name)
                || ScoringTopics.isInternal(name);
    }

    /** Every service's Deployment has its KafkaUser (whole overlays only). */
    void everyServiceHasOne() {
        rendered.all(Deployment.class).forEach(d -> {
            String service = WorkloadChecks.serviceOf(d.resource());
            if (rendered.named(KafkaUser.class, service).findAny().isEmpty()) {
                findings.add(Finding.of(d.manifest(), "no KafkaUser '" + service + "' for this service"));
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

    void scoringUser() {
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
