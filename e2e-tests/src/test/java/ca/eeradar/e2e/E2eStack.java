package ca.eeradar.e2e;

import ca.eeradar.localinfra.FreePorts;
import ca.eeradar.localinfra.JwtKeys;
import ca.eeradar.localinfra.LocalInfra;
import ca.eeradar.localinfra.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The system as users meet it: a real Kafka broker and a real PostgreSQL (one per test JVM, from
 * local-infra) and the three services as separate processes from their built jars. Started once
 * for all end-to-end tests, stopped when the test JVM exits.
 */
final class E2eStack {
    static final Duration READY = Duration.ofSeconds(180);
    private static E2eStack stack;

    final LocalInfra infra;
    final ServiceProcess ingest;
    final ServiceProcess scoring;
    /** A second scoring instance, started by the tests that need the evaluation split between two. */
    final ServiceProcess scoring2;

    final ServiceProcess query;

    private E2eStack() {
        infra = LocalInfra.shared();
        JwtKeys keys = TestTokens.keys();
        Path logs = infra.root().resolve("service-logs");
        int[] ports = FreePorts.distinct(4);
        // The feed poller is off: the end-to-end tests feed rounds in through the API, as an operator would.
        ingest = new ServiceProcess(
                "ingest-service",
                ports[0],
                env("ingest", keys, Map.of("EE_RADAR_INGEST_FEED_POLL_ENABLED", "false")),
                logs);
        // RestartsIT kills scoring-service (SIGKILL) and starts it again at once: the new draws consumer gets the
        // partition only when the dead member's Kafka session expires (45 s by default). 10 s here; production keeps
        // the default, so that a pod starved of CPU by a million-profile evaluation is not thrown out of the group.
        // Slices of one block (4,096 slots, the least): RestartsIT's 50,000 profiles then take two slices per
        // partition, so its kill at the first visible invitation lands between a partition's slices (as at 1.6M+
        // profiles with the default slice size, 131,072) instead of after the last one.
        Map<String, String> scoringEnv = env(
                "scoring",
                keys,
                Map.of(
                        "JAVA_TOOL_OPTIONS",
                        "-Dmp.messaging.incoming.draws.session.timeout.ms=10000",
                        "EE_RADAR_SCORING_EVALUATION_SLICE_SIZE",
                        "4096"));
        scoring = new ServiceProcess("scoring-service", ports[1], scoringEnv, logs);
        scoring2 = new ServiceProcess("scoring-service", "scoring-service-2", ports[2], scoringEnv, logs);
        query = new ServiceProcess("query-service", ports[3], env("query", keys, Map.of()), logs);
    }

    static synchronized E2eStack get() {
        if (stack == null) {
            E2eStack s = new E2eStack();
            Runtime.getRuntime().addShutdownHook(new Thread(s::stopServices, "e2e-stop"));
            for (ServiceProcess p : s.services()) {
                p.start();
            }
            for (ServiceProcess p : s.services()) {
                p.awaitReady(READY);
            }
            stack = s;
        }
        return stack;
    }

    List<ServiceProcess> services() {
        return List.of(ingest, scoring, query);
    }

    /** Every service process that runs now, the second scoring instance too once a test started it. */
    List<ServiceProcess> running() {
        return Stream.of(ingest, scoring, scoring2, query)
                .filter(ServiceProcess::running)
                .toList();
    }

    void stopServices() {
        services().forEach(ServiceProcess::stop);
        scoring2.stop();
    }

    static Path repo() {
        String prop = System.getProperty("ee-radar.repo");
        return prop != null ? Path.of(prop) : Path.of("").toAbsolutePath().getParent();
    }

    static String bearer(String role) {
        return TestTokens.bearer(role);
    }

    private Map<String, String> env(String service, JwtKeys keys, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.database("e2e_" + service));
        env.put("QUARKUS_DATASOURCE_USERNAME", infra.jdbcUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", infra.jdbcPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", JwtKeys.ISSUER);
        env.putAll(extra);
        return env;
    }
}
