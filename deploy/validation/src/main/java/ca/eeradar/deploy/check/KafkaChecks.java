package ca.eeradar.deploy.check;

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
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Topics as {@code Topics.java} defines them (every one, with its partitions and settings, and no
 * other), replication fit for the overlay, and per-service users whose ACLs reach only their topics.
 */
final class KafkaChecks {
    /** Operations no service needs: topics are created and configured by the Topic Operator only. */
    private static final Set<AclOperation> FORBIDDEN = Set.of(AclOperation.ALL, AclOperation.ALTER,
            AclOperation.ALTERCONFIGS, AclOperation.CREATE, AclOperation.DELETE, AclOperation.CLUSTERACTION);

    private final Rendered rendered;
    private final Scope scope;
    private final List<Finding> findings;

    KafkaChecks(Rendered rendered, Scope scope, List<Finding> findings) {
        this.rendered = rendered;
        this.scope = scope;
        this.findings = findings;
    }

    void check() {
        Map<String, Topics.TopicSpec> specs = Topics.all().stream()
                .collect(Collectors.toMap(Topics.TopicSpec::name, s -> s));
        Optional<String> cluster = rendered.all(Kafka.class).map(f -> f.resource().getMetadata().getName()).findFirst();
        int brokers = rendered.all(KafkaNodePool.class)
                .filter(f -> f.resource().getSpec() != null && f.resource().getSpec().getRoles() != null
                        && f.resource().getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(f -> f.resource().getSpec().getReplicas()).sum();

        rendered.all(KafkaTopic.class).forEach(f -> topic(f.manifest(), f.resource(), specs, brokers));
        rendered.all(KafkaTopic.class).forEach(f -> clusterLabel(f.manifest(), f.resource(), cluster));
        rendered.all(KafkaUser.class).forEach(f -> clusterLabel(f.manifest(), f.resource(), cluster));
        rendered.all(KafkaUser.class).forEach(f -> user(f.manifest(), f.resource(), specs.keySet()));

        if (scope == Scope.FRAGMENT) {
            return;
        }
        Set<String> declared = rendered.all(KafkaTopic.class).map(f -> topicName(f.resource()))
                .collect(Collectors.toSet());
        for (Topics.TopicSpec spec : Topics.all()) {
            if (!declared.contains(spec.name())) {
                findings.add(new Finding("deploy/k8s", "KafkaTopic " + spec.name(), "topic " + spec.name()
                        + " (contracts Topics.java) has no KafkaTopic resource"));
            }
        }
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

    private static String topicName(KafkaTopic topic) {
        return topic.getSpec() != null && topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName()
                : topic.getMetadata().getName();
    }

    private void topic(Manifest m, KafkaTopic topic, Map<String, Topics.TopicSpec> specs, int brokers) {
        String name = topicName(topic);
        Topics.TopicSpec spec = specs.get(name);
        if (spec == null) {
            findings.add(Finding.of(m, "topic " + name + " is not defined in contracts Topics.java"));
            return;
        }
        if (topic.getSpec() == null) {
            findings.add(Finding.of(m, "has no spec"));
            return;
        }
        if (!Objects.equals(topic.getSpec().getPartitions(), spec.partitions())) {
            findings.add(Finding.of(m, "partitions " + topic.getSpec().getPartitions() + " but Topics.java says "
                    + spec.partitions()));
        }
        Map<String, Object> config = Optional.ofNullable(topic.getSpec().getConfig()).orElse(Map.of());
        spec.configs().forEach((key, value) -> {
            if (!value.equals(String.valueOf(config.get(key)))) {
                findings.add(Finding.of(m, "config " + key + " is " + config.get(key) + " but Topics.java says " + value));
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
            List<AclOperation> operations = new ArrayList<>(Optional.ofNullable(acl.getOperations()).orElse(List.of()));
            if (acl.getOperation() != null) {
                operations.add(acl.getOperation());
            }
            operations.stream().filter(FORBIDDEN::contains).forEach(op ->
                    findings.add(Finding.of(m, at + "operation " + op + " is more than a service needs")));
            if (acl.getResource() instanceof AclRuleTopicResource topic) {
                if (topic.getPatternType() == AclResourcePatternType.PREFIX || !topics.contains(topic.getName())) {
                    findings.add(Finding.of(m, at + "topic ACL '" + topic.getName() + "' must name one topic of "
                            + "Topics.java literally"));
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
}
