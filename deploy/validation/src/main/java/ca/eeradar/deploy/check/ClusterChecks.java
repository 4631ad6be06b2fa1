package ca.eeradar.deploy.check;

import ca.eeradar.deploy.config.ConfigCatalog;
import ca.eeradar.deploy.manifest.Finding;
import ca.eeradar.deploy.manifest.Manifest;
import ca.eeradar.deploy.model.CnpgCluster;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a platform team expects around each Deployment: a Service, a PodDisruptionBudget, network
 * policies, metrics scraping, an autoscaler for query-service, HA in production, databases in dev, and
 * no Secret values in the repository.
 */
final class ClusterChecks {
    private final Rendered rendered;
    private final Scope scope;
    private final List<Finding> findings;

    ClusterChecks(Rendered rendered, Scope scope, List<Finding> findings) {
        this.rendered = rendered;
        this.scope = scope;
        this.findings = findings;
    }

    void check() {
        rendered.all(Secret.class).forEach(s -> {
            if (!Optional.ofNullable(s.resource().getData()).orElse(Map.of()).isEmpty()
                    || !Optional.ofNullable(s.resource().getStringData()).orElse(Map.of()).isEmpty()) {
                findings.add(Finding.of(s.manifest(), "Secret values must not be in the repository: reference a Secret "
                        + "the platform team creates (deploy/README.md)"));
            }
        });
        rendered.all(CnpgCluster.class).forEach(c -> {
            String problem = WorkloadChecks.imageProblem(c.resource().spec() == null ? null
                    : c.resource().spec().imageName());
            if (problem != null) {
                findings.add(Finding.of(c.manifest(), "spec.imageName: " + problem));
            }
        });
        if (scope == Scope.FRAGMENT) {
            return;
        }
        Set<String> deployed = rendered.all(Deployment.class).map(d -> WorkloadChecks.serviceOf(d.resource()))
                .collect(Collectors.toSet());
        for (String service : ConfigCatalog.SERVICES) {
            if (!deployed.contains(service)) {
                findings.add(new Finding("deploy/k8s", "Deployment " + service, "no Deployment for " + service));
            }
        }
        rendered.all(Deployment.class).forEach(this::around);
    }

    private void around(Rendered.Found<Deployment> found) {
        Manifest m = found.manifest();
        Deployment deployment = found.resource();
        String service = WorkloadChecks.serviceOf(deployment);
        Map<String, String> podLabels = Optional.ofNullable(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .orElse(Map.of());
        if (rendered.all(Service.class).noneMatch(s -> selects(s.resource().getSpec().getSelector(), podLabels))) {
            findings.add(Finding.of(m, "no Service selects its pods"));
        }
        if (rendered.all(PodDisruptionBudget.class)
                .noneMatch(p -> matches(p.resource().getSpec().getSelector(), podLabels))) {
            findings.add(Finding.of(m, "no PodDisruptionBudget covers its pods"));
        }
        Set<String> policyTypes = rendered.all(NetworkPolicy.class)
                .filter(p -> matches(p.resource().getSpec().getPodSelector(), podLabels))
                .flatMap(p -> Optional.ofNullable(p.resource().getSpec().getPolicyTypes()).orElse(List.of()).stream())
                .collect(Collectors.toSet());
        if (!policyTypes.containsAll(List.of("Ingress", "Egress"))) {
            findings.add(Finding.of(m, "its pods need NetworkPolicies restricting both Ingress and Egress (have "
                    + policyTypes + ")"));
        }
        Map<String, String> annotations = Optional.ofNullable(deployment.getSpec().getTemplate().getMetadata()
                .getAnnotations()).orElse(Map.of());
        boolean scraped = "true".equals(annotations.get("prometheus.io/scrape")) || rendered.all(PodMonitor.class)
                .anyMatch(p -> matches(p.resource().getSpec().getSelector(), podLabels));
        if (!scraped) {
            findings.add(Finding.of(m, "its /q/metrics is not scraped (no PodMonitor selects it, no prometheus.io/scrape)"));
        }
        Optional<HorizontalPodAutoscaler> hpa = rendered.all(HorizontalPodAutoscaler.class).map(Rendered.Found::resource)
                .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                        && deployment.getMetadata().getName().equals(h.getSpec().getScaleTargetRef().getName()))
                .findFirst();
        if (service.equals("query-service") && hpa.isEmpty()) {
            findings.add(Finding.of(m, "query-service needs a HorizontalPodAutoscaler"));
        }
        if (scope == Scope.PROD) {
            int replicas = hpa.map(h -> Optional.ofNullable(h.getSpec().getMinReplicas()).orElse(1))
                    .orElse(Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1));
            if (replicas < 2) {
                findings.add(Finding.of(m, "production runs at least 2 replicas (has " + replicas + ")"));
            }
        }
        if (scope == Scope.DEV) {
            for (var container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null
                            && env.getName().startsWith("QUARKUS_DATASOURCE_")) {
                        String secret = env.getValueFrom().getSecretKeyRef().getName();
                        String cluster = secret.endsWith("-app") ? secret.substring(0, secret.length() - 4) : secret;
                        boolean exists = rendered.all(CnpgCluster.class)
                                .anyMatch(c -> cluster.equals(c.resource().metadata().getName()));
                        if (!exists) {
                            findings.add(Finding.of(m, env.getName() + " reads Secret " + secret + " but there is no "
                                    + "CloudNativePG Cluster '" + cluster + "' to write it"));
                        }
                    }
                }
            }
        }
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }

    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        boolean expressions = selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty();
        Map<String, String> match = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of());
        return expressions && match.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }
}
