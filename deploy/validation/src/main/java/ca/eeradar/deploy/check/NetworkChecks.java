package ca.eeradar.deploy.check;

import ca.eeradar.deploy.manifest.Finding;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Each service reaches DNS, Kafka, its own database and nothing else (ingest-service also HTTPS to public
 * addresses, for the IRCC feed): every egress rule of a policy selecting a service's pods must name one
 * of those peers. An egress rule without peers (anywhere) or reaching another service's database fails.
 */
final class NetworkChecks {
    private final Rendered rendered;
    private final List<Finding> findings;

    NetworkChecks(Rendered rendered, List<Finding> findings) {
        this.rendered = rendered;
        this.findings = findings;
    }

    void check() {
        rendered.all(Deployment.class).forEach(d -> {
            Map<String, String> pod = Optional.ofNullable(d.resource().getSpec().getTemplate().getMetadata().getLabels())
                    .orElse(Map.of());
            String service = WorkloadChecks.serviceOf(d.resource());
            Optional<String> database = databaseCluster(d.resource());
            rendered.all(NetworkPolicy.class).filter(p -> selects(p.resource().getSpec().getPodSelector(), pod))
                    .forEach(p -> {
                        List<NetworkPolicyEgressRule> egress = Optional.ofNullable(p.resource().getSpec().getEgress())
                                .orElse(List.of());
                        for (int i = 0; i < egress.size(); i++) {
                            String problem = problem(egress.get(i), service, database);
                            if (problem != null) {
                                findings.add(Finding.of(p.manifest(), "egress[" + i + "] (applies to " + service + "): "
                                        + problem));
                            }
                        }
                    });
        });
    }

    private static String problem(NetworkPolicyEgressRule rule, String service, Optional<String> database) {
        List<NetworkPolicyPeer> to = Optional.ofNullable(rule.getTo()).orElse(List.of());
        if (to.isEmpty()) {
            return "allows egress to anywhere";
        }
        List<Integer> ports = Optional.ofNullable(rule.getPorts()).orElse(List.of()).stream()
                .map(NetworkPolicyPort::getPort).filter(Objects::nonNull).map(IntOrString::getIntVal)
                .filter(Objects::nonNull).toList();
        for (NetworkPolicyPeer peer : to) {
            Map<String, String> pods = peer.getPodSelector() == null ? Map.of()
                    : Optional.ofNullable(peer.getPodSelector().getMatchLabels()).orElse(Map.of());
            if (peer.getIpBlock() != null) {
                boolean database443 = ports.equals(List.of(443)) && service.equals("ingest-service");
                if (!ports.equals(List.of(5432)) && !database443) {
                    return "ipBlock " + peer.getIpBlock().getCidr() + " on ports " + ports + ": only the external "
                            + "database (5432)" + (service.equals("ingest-service") ? " or the IRCC feed (443)" : "");
                }
            } else if (peer.getNamespaceSelector() != null) {
                boolean dns = "kube-dns".equals(pods.get("k8s-app")) && ports.stream().allMatch(p -> p == 53);
                if (!dns) {
                    return "reaches another namespace (only kube-dns on port 53 is allowed)";
                }
            } else if (pods.containsKey("cnpg.io/cluster")) {
                if (database.isEmpty() || !database.get().equals(pods.get("cnpg.io/cluster"))) {
                    return "reaches database cluster " + pods.get("cnpg.io/cluster") + ", not its own ("
                            + database.orElse("none") + ")";
                }
            } else if (!"Kafka".equals(pods.get("strimzi.io/kind"))) {
                return "reaches pods " + pods + ": only Kafka brokers, its database and DNS are allowed";
            }
        }
        return null;
    }

    /** The CloudNativePG cluster whose "<cluster>-app" Secret holds the service's database credentials. */
    private static Optional<String> databaseCluster(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> Optional.ofNullable(c.getEnv()).orElse(List.<EnvVar>of()).stream())
                .filter(e -> e.getName().equals("QUARKUS_DATASOURCE_JDBC_URL") && e.getValueFrom() != null
                        && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef().getName())
                .map(s -> s.endsWith("-app") ? s.substring(0, s.length() - 4) : s)
                .findFirst();
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector != null && Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).entrySet().stream()
                .allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }
}
