package ca.eeradar.deploy.check;

import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.deploy.config.ServiceConfig;
import ca.eeradar.deploy.manifest.Finding;
import ca.eeradar.deploy.manifest.Manifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Deployment running Kafka Streams (a service whose application.properties configures
 * {@code quarkus.kafka-streams.*}): its Streams client reaches the broker as its other clients do, and,
 * for scoring-service, the settings the draw evaluation relies on: replicas and standbys, time to close,
 * and the profile topic's key from a Secret.
 */
final class StreamsWorkload {
    /** Streams closes after Quarkus's shutdown timeout: it commits or aborts its transaction and closes its clients. */
    static final Duration STREAMS_CLOSE = Duration.ofSeconds(30);

    /**
     * The Kafka Streams client does not read {@code kafka.*}: each connection setting the other clients get
     * must be given to it too, with the same value ({@code null}: from a Secret on both sides).
     */
    private static final Map<String, String> MIRRORED = Map.of(
            "KAFKA_SECURITY_PROTOCOL", "QUARKUS_KAFKA_STREAMS_SECURITY_PROTOCOL",
            "KAFKA_SASL_MECHANISM", "QUARKUS_KAFKA_STREAMS_SASL_MECHANISM",
            "KAFKA_SASL_JAAS_CONFIG", "QUARKUS_KAFKA_STREAMS_SASL_JAAS_CONFIG",
            "KAFKA_SSL_TRUSTSTORE_TYPE", "QUARKUS_KAFKA_STREAMS_SSL_TRUSTSTORE_TYPE",
            "KAFKA_SSL_TRUSTSTORE_LOCATION", "QUARKUS_KAFKA_STREAMS_SSL_TRUSTSTORE_LOCATION");

    private static final String STANDBYS = "KAFKA_STREAMS_NUM_STANDBY_REPLICAS";
    private static final String ALLOW_BUILT_IN_KEY = "EE_RADAR_SCORING_PROFILE_TOPIC_ALLOW_BUILT_IN_KEY";
    private static final String KEYS = "EE_RADAR_SCORING_PROFILE_TOPIC_KEYS_";
    private static final List<String> CONFIG_LOCATIONS = List.of("QUARKUS_CONFIG_LOCATIONS", "SMALLRYE_CONFIG_LOCATIONS");

    private final Rendered rendered;
    private final Scope scope;
    private final List<Finding> findings;

    StreamsWorkload(Rendered rendered, Scope scope, List<Finding> findings) {
        this.rendered = rendered;
        this.scope = scope;
        this.findings = findings;
    }

    static boolean runsStreams(ServiceConfig config) {
        return config.properties().keySet().stream().anyMatch(p -> p.startsWith("quarkus.kafka-streams."));
    }

    void client(Manifest m, String c, Map<String, WorkloadChecks.Setting> env) {
        MIRRORED.forEach((channels, streams) -> {
            WorkloadChecks.Setting from = env.get(channels);
            if (from == null) {
                return;
            }
            WorkloadChecks.Setting to = env.get(streams);
            if (to == null) {
                findings.add(Finding.of(m, c + channels + " is set but not " + streams + ": the Kafka Streams client "
                        + "does not read kafka.* and would connect without it"));
            } else if (!java.util.Objects.equals(from.value(), to.value())) {
                findings.add(Finding.of(m, c + streams + " (" + shown(to) + ") differs from " + channels + " ("
                        + shown(from) + ")"));
            }
        });
    }

    private static String shown(WorkloadChecks.Setting s) {
        return s.value() == null ? "from a Secret" : "'" + s.value() + "'";
    }

    /** scoring-service: replicas and standbys, time to close, the profile key. */
    void scoring(Manifest m, String c, Deployment deployment, PodSpec pod, Container container,
                 Map<String, WorkloadChecks.Setting> env) {
        int replicas = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        int partitions = KafkaTopicChecks.profilePartitions(rendered);
        if (replicas > partitions) {
            findings.add(Finding.of(m, "replicas " + replicas + " exceed the " + partitions + " partitions of "
                    + InternalTopics.CANDIDATE_PROFILES + ": the extra replicas would hold no partition"));
        }
        Optional<Integer> standbys = Optional.ofNullable(env.get(STANDBYS)).map(WorkloadChecks.Setting::value)
                .flatMap(StreamsWorkload::integer);
        if (scope == Scope.PROD && standbys.orElse(0) < 1) {
            findings.add(Finding.of(m, c + "production needs " + STANDBYS + " >= 1 (a warm copy of each partition, so "
                    + "a replica's death does not wait for a restore from the topic); is " + standbys.orElse(0)));
        }
        if (standbys.orElse(0) > 0 && standbys.get() >= replicas && scope == Scope.PROD) {
            findings.add(Finding.of(m, c + STANDBYS + " " + standbys.get() + " needs more than " + standbys.get()
                    + " replicas (has " + replicas + "): a standby never lives with its active task"));
        }

        long grace = Optional.ofNullable(pod.getTerminationGracePeriodSeconds()).orElse(30L);
        Duration shutdown = Optional.ofNullable(env.get("QUARKUS_SHUTDOWN_TIMEOUT"))
                .flatMap(s -> Durations.parse(s.value())).orElse(Duration.ZERO);
        if (grace < STREAMS_CLOSE.getSeconds() || grace - shutdown.getSeconds() < STREAMS_CLOSE.getSeconds()) {
            findings.add(Finding.of(m, "terminationGracePeriodSeconds (" + grace + ") must leave Kafka Streams "
                    + STREAMS_CLOSE.getSeconds() + "s to close after QUARKUS_SHUTDOWN_TIMEOUT (" + shutdown.getSeconds()
                    + "s)"));
        }

        WorkloadChecks.Setting builtIn = env.get(ALLOW_BUILT_IN_KEY);
        if (builtIn == null || !"false".equals(builtIn.value())) {
            findings.add(Finding.of(m, c + ALLOW_BUILT_IN_KEY + " must be \"false\": the built-in profile key of "
                    + "application.properties protects nothing"));
        }
        boolean keysFromSecret = env.entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith(KEYS) && e.getValue().value() == null);
        boolean keysFromFile = CONFIG_LOCATIONS.stream().map(env::get)
                .anyMatch(s -> s != null && s.value() != null && onSecretVolume(s.value(), pod, container));
        if (!keysFromSecret && !keysFromFile) {
            findings.add(Finding.of(m, c + "the profile topic's keys must come from a Secret: a properties file on a "
                    + "Secret volume named by QUARKUS_CONFIG_LOCATIONS, or " + KEYS + "<ID> from a secretKeyRef"));
        }
    }

    /** Whether every location is a file on a volume that is a Secret. */
    private static boolean onSecretVolume(String locations, PodSpec pod, Container container) {
        for (String location : locations.split(",")) {
            String path = location.trim().replaceFirst("^file:", "");
            boolean secret = Optional.ofNullable(container.getVolumeMounts()).orElse(List.of()).stream()
                    .filter(v -> path.startsWith(v.getMountPath().endsWith("/") ? v.getMountPath() : v.getMountPath() + "/"))
                    .anyMatch(v -> Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                            .filter(vol -> vol.getName().equals(v.getName())).map(Volume::getSecret)
                            .anyMatch(s -> s != null));
            if (!secret) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Integer> integer(String value) {
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
