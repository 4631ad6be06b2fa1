package ca.eeradar.deploy.check;

import ca.eeradar.deploy.manifest.Finding;
import ca.eeradar.deploy.manifest.Manifest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kafka resources of an overlay: its topics ({@link KafkaTopicChecks}) and per-service users
 * ({@link KafkaUserChecks}), each labelled with the overlay's Strimzi cluster, whose brokers bound the
 * topics' replication; the dev overlay brings its own cluster.
 */
final class KafkaChecks {
    private final Rendered rendered;
    private final Scope scope;
    private final List<Finding> findings;

    KafkaChecks(Rendered rendered, Scope scope, List<Finding> findings) {
        this.rendered = rendered;
        this.scope = scope;
        this.findings = findings;
    }

    void check() {
        Optional<String> cluster = rendered.all(Kafka.class).map(f -> f.resource().getMetadata().getName()).findFirst();
        int brokers = rendered.all(KafkaNodePool.class)
                .filter(f -> f.resource().getSpec() != null && f.resource().getSpec().getRoles() != null
                        && f.resource().getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(f -> f.resource().getSpec().getReplicas()).sum();
        KafkaTopicChecks topics = new KafkaTopicChecks(rendered, scope, findings, brokers);
        KafkaUserChecks users = new KafkaUserChecks(rendered, scope, findings, topics.names());

        rendered.all(KafkaTopic.class).forEach(f -> topics.topic(f.manifest(), f.resource()));
        rendered.all(KafkaTopic.class).forEach(f -> clusterLabel(f.manifest(), f.resource(), cluster));
        rendered.all(KafkaUser.class).forEach(f -> clusterLabel(f.manifest(), f.resource(), cluster));
        rendered.all(KafkaUser.class).forEach(f -> users.user(f.manifest(), f.resource()));
        topics.coPartitioned();

        if (scope == Scope.FRAGMENT) {
            return;
        }
        topics.everyTopicDeclared();
        users.scoringUser();
        if (scope == Scope.DEV && cluster.isEmpty()) {
            findings.add(new Finding("deploy/k8s/overlays/dev", "Kafka", "the dev overlay has no Kafka cluster"));
        }
        users.everyServiceHasOne();
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
}
