package ca.eeradar.deploy.check;

import ca.eeradar.deploy.config.ConfigCatalog;
import ca.eeradar.deploy.config.ConfigMappingSource;
import ca.eeradar.deploy.config.EnvNames;
import ca.eeradar.deploy.config.ServiceConfig;
import ca.eeradar.deploy.manifest.Finding;
import ca.eeradar.deploy.manifest.Manifest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per Deployment: probes, resources, the restricted security context, a writable /tmp, image tags, the
 * shutdown period, and that every environment variable it sets is read by the service.
 */
final class WorkloadChecks {
    /**
     * The longest scoring-service's draws consumer may work on one round: its fan-out waits up to
     * ee-radar.scoring.profile-topic.publish-wait (2 min) for the outbox before it sends the evaluation
     * requests (the evaluation itself runs in Kafka Streams, which closes after this). scoring-service's
     * shutdown timeout must cover it and its terminationGracePeriodSeconds must exceed that.
     */
    static final Duration LONGEST_DRAW_EVALUATION = Duration.ofSeconds(120);
    /** Values in application.properties that only make sense on a developer's machine. */
    private static final List<String> LOCAL_ONLY = List.of("127.0.0.1", "localhost", "file:.ee-radar");

    private final ConfigCatalog catalog;
    private final Rendered rendered;
    private final List<Finding> findings;
    private final StreamsWorkload streams;

    WorkloadChecks(ConfigCatalog catalog, Rendered rendered, Scope scope, List<Finding> findings) {
        this.catalog = catalog;
        this.rendered = rendered;
        this.findings = findings;
        this.streams = new StreamsWorkload(rendered, scope, findings);
    }

    void check(Rendered.Found<Deployment> found) {
        Manifest m = found.manifest();
        Deployment deployment = found.resource();
        String service = serviceOf(deployment);
        PodSpec pod = deployment.getSpec() == null || deployment.getSpec().getTemplate() == null ? null
                : deployment.getSpec().getTemplate().getSpec();
        if (pod == null) {
            findings.add(Finding.of(m, "has no pod template"));
            return;
        }
        if (pod.getContainers() == null || pod.getContainers().isEmpty()) {
            findings.add(Finding.of(m, "has no containers"));
            return;
        }
        for (Container container : pod.getContainers()) {
            String c = "container '" + container.getName() + "': ";
            probe(m, c, "livenessProbe", container.getLivenessProbe(), "/q/health/live");
            probe(m, c, "readinessProbe", container.getReadinessProbe(), "/q/health/ready");
            probe(m, c, "startupProbe", container.getStartupProbe(), "/q/health/started");
            resources(m, c, container);
            security(m, c, container.getSecurityContext(), pod.getSecurityContext());
            tmp(m, c, container, pod);
            image(m, c, container.getImage());
            Map<String, Setting> env = environment(m, c, container);
            if (catalog.service(service).isPresent()) {
                configuration(m, c, service, env);
                shutdown(m, c, service, env, pod.getTerminationGracePeriodSeconds());
                if (StreamsWorkload.runsStreams(catalog.service(service).orElseThrow())) {
                    streams.client(m, c, env);
                }
                if (service.equals("scoring-service")) {
                    streams.scoring(m, c, deployment, pod, container, env);
                }
            } else {
                findings.add(Finding.of(m, c + "not one of the services " + ConfigCatalog.SERVICES
                        + " (label app.kubernetes.io/name or Deployment name '" + service + "')"));
            }
        }
        for (Container init : Optional.ofNullable(pod.getInitContainers()).orElse(List.of())) {
            String c = "init container '" + init.getName() + "': ";
            security(m, c, init.getSecurityContext(), pod.getSecurityContext());
            image(m, c, init.getImage());
        }
    }

    static String serviceOf(Deployment deployment) {
        Map<String, String> labels = deployment.getMetadata().getLabels();
        String name = labels == null ? null : labels.get("app.kubernetes.io/name");
        return name != null ? name : deployment.getMetadata().getName();
    }

    private void probe(Manifest m, String c, String kind, Probe probe, String path) {
        if (probe == null) {
            findings.add(Finding.of(m, c + "missing " + kind + " (expected httpGet " + path + ")"));
        } else if (probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
            findings.add(Finding.of(m, c + kind + " must be an httpGet on " + path));
        }
    }

    private void resources(Manifest m, String c, Container container) {
        Map<String, Quantity> limits = container.getResources() == null ? null : container.getResources().getLimits();
        Map<String, Quantity> requests = container.getResources() == null ? null
                : container.getResources().getRequests();
        for (String resource : List.of("cpu", "memory")) {
            if (limits == null || !limits.containsKey(resource)) {
                findings.add(Finding.of(m, c + "missing resources.limits." + resource));
            }
            if (requests == null || !requests.containsKey(resource)) {
                findings.add(Finding.of(m, c + "missing resources.requests." + resource));
            }
        }
    }

    private void security(Manifest m, String c, SecurityContext sc, PodSecurityContext pod) {
        boolean nonRoot = (sc != null && Boolean.TRUE.equals(sc.getRunAsNonRoot()))
                || (pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot())
                && (sc == null || !Boolean.FALSE.equals(sc.getRunAsNonRoot())));
        if (!nonRoot) {
            findings.add(Finding.of(m, c + "runAsNonRoot must be true (container or pod securityContext)"));
        }
        if (sc == null) {
            findings.add(Finding.of(m, c + "missing securityContext (readOnlyRootFilesystem, "
                    + "allowPrivilegeEscalation: false, capabilities.drop: [ALL])"));
            return;
        }
        if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
            findings.add(Finding.of(m, c + "securityContext.readOnlyRootFilesystem must be true"));
        }
        if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
            findings.add(Finding.of(m, c + "securityContext.allowPrivilegeEscalation must be false"));
        }
        if (sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                || !sc.getCapabilities().getDrop().contains("ALL")) {
            findings.add(Finding.of(m, c + "securityContext.capabilities.drop must contain ALL"));
        }
        if (sc.getCapabilities() != null && sc.getCapabilities().getAdd() != null
                && !sc.getCapabilities().getAdd().isEmpty()) {
            findings.add(Finding.of(m, c + "adds capabilities " + sc.getCapabilities().getAdd()));
        }
        if (Boolean.TRUE.equals(sc.getPrivileged())) {
            findings.add(Finding.of(m, c + "is privileged"));
        }
    }

    private void tmp(Manifest m, String c, Container container, PodSpec pod) {
        Optional<VolumeMount> mount = Optional.ofNullable(container.getVolumeMounts()).orElse(List.of()).stream()
                .filter(v -> "/tmp".equals(v.getMountPath())).findFirst();
        if (mount.isEmpty()) {
            findings.add(Finding.of(m, c + "no writable /tmp: mount an emptyDir volume at /tmp "
                    + "(the root filesystem is read-only)"));
            return;
        }
        Optional<Volume> volume = Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                .filter(v -> v.getName().equals(mount.get().getName())).findFirst();
        if (volume.isEmpty() || volume.get().getEmptyDir() == null) {
            findings.add(Finding.of(m, c + "/tmp must be an emptyDir volume (volume '" + mount.get().getName() + "')"));
        }
    }

    void image(Manifest m, String c, String image) {
        String problem = imageProblem(image);
        if (problem != null) {
            findings.add(Finding.of(m, c + problem));
        }
    }

    static String imageProblem(String image) {
        if (image == null || image.isBlank()) {
            return "has no image";
        }
        if (image.contains("@sha256:")) {
            return null;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return "image '" + image + "' has no tag (that means 'latest'): pin a version or digest";
        }
        if (image.substring(colon + 1).equals("latest")) {
            return "image '" + image + "' uses the tag 'latest': pin a version or digest";
        }
        return null;
    }

    /** A variable's value (null when it comes from a Secret or a field) and the file that sets it. */
    record Setting(String value, Manifest origin) {
    }

    private Map<String, Setting> environment(Manifest m, String c, Container container) {
        Map<String, Setting> env = new LinkedHashMap<>();
        for (EnvFromSource from : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            if (from.getConfigMapRef() != null) {
                String name = from.getConfigMapRef().getName();
                List<Rendered.Found<ConfigMap>> maps = rendered.named(ConfigMap.class, name).toList();
                if (maps.isEmpty()) {
                    if (!Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
                        findings.add(Finding.of(m, c + "envFrom ConfigMap '" + name + "' is not among the manifests"));
                    }
                    continue;
                }
                ConfigMap map = maps.get(0).resource();
                String prefix = Optional.ofNullable(from.getPrefix()).orElse("");
                Optional.ofNullable(map.getData()).orElse(Map.of()).forEach((k, v) ->
                        env.put(prefix + k, new Setting(v, maps.get(0).manifest())));
            }
            if (from.getSecretRef() != null) {
                findings.add(Finding.of(m, c + "envFrom Secret '" + from.getSecretRef().getName() + "': its keys "
                        + "cannot be checked against the service's configuration; use env with secretKeyRef"));
            }
        }
        for (EnvVar var : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            env.put(var.getName(), new Setting(var.getValueFrom() == null ? var.getValue() : null, m));
        }
        return env;
    }

    private void configuration(Manifest m, String c, String service, Map<String, Setting> env) {
        ServiceConfig config = catalog.service(service).orElseThrow();
        env.forEach((name, setting) -> {
            Optional<ConfigCatalog.Resolution> resolution = catalog.resolve(service, name);
            String where = setting.origin() == m ? c : "key of a ConfigMap used by " + m.describe() + ", ";
            if (resolution.isEmpty()) {
                findings.add(new Finding(setting.origin().origin(), setting.origin().describe(), where + "environment "
                        + "variable " + name + " is not a configuration property " + service + " reads (not in its "
                        + "application.properties, its @ConfigMapping, the Quarkus extensions' config model, the "
                        + "Kafka client settings or MicroProfile JWT)"));
            } else if (resolution.get().fixedAtBuildTime()) {
                findings.add(new Finding(setting.origin().origin(), setting.origin().describe(), where + name + " sets "
                        + resolution.get().property() + ", which is fixed at build time: setting it at run time has "
                        + "no effect"));
            }
        });
        for (ConfigMappingSource.Declared declared : config.mapped()) {
            if (declared.required() && !config.properties().containsKey(declared.property())
                    && env.keySet().stream().noneMatch(e -> declared.envPattern().matcher(e).matches())) {
                findings.add(Finding.of(m, c + "required property " + declared.property() + " has no default and is not "
                        + "set (environment variable " + EnvNames.of(declared.property()) + ")"));
            }
        }
        config.properties().forEach((property, value) -> {
            if (LOCAL_ONLY.stream().anyMatch(value::contains) && !env.containsKey(EnvNames.of(property))) {
                findings.add(Finding.of(m, c + "property " + property + " defaults to '" + value + "', which only works "
                        + "on a developer's machine: set " + EnvNames.of(property)));
            }
        });
    }

    private void shutdown(Manifest m, String c, String service, Map<String, Setting> env, Long grace) {
        long graceSeconds = grace == null ? 30 : grace;
        Setting timeout = env.get("QUARKUS_SHUTDOWN_TIMEOUT");
        Optional<Duration> shutdown = timeout == null ? Optional.empty() : Durations.parse(timeout.value());
        if (shutdown.isEmpty()) {
            findings.add(Finding.of(m, c + "QUARKUS_SHUTDOWN_TIMEOUT is not set (or not a duration): without it "
                    + "Quarkus stops at once on SIGTERM and in-flight work is cut off"));
            return;
        }
        if (shutdown.get().getSeconds() >= graceSeconds) {
            findings.add(Finding.of(m, c + "terminationGracePeriodSeconds (" + graceSeconds + ") must be longer than "
                    + "QUARKUS_SHUTDOWN_TIMEOUT (" + shutdown.get().getSeconds() + "s)"));
        }
        if (service.equals("scoring-service") && shutdown.get().compareTo(LONGEST_DRAW_EVALUATION) < 0) {
            findings.add(Finding.of(m, c + "QUARKUS_SHUTDOWN_TIMEOUT (" + shutdown.get().getSeconds() + "s) is shorter "
                    + "than the longest draw evaluation (" + LONGEST_DRAW_EVALUATION.getSeconds() + "s)"));
        }
    }
}
