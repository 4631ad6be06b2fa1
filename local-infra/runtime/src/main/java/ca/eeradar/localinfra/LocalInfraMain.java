package ca.eeradar.localinfra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The infrastructure of the local stack ({@code ./ee-radar up}): a Kafka broker and a PostgreSQL
 * with one database per service, data kept under the given folder so a restart keeps everything.
 * Runs in the foreground until stopped (SIGTERM/Ctrl-C stops the children cleanly; if this JVM
 * is killed outright, the children notice their closed stdin and stop by themselves).
 *
 * <p>Options: {@code --data-dir D --kafka-port P --kafka-controller-port C --postgres-port Q
 * [--host H] [--part kafka|postgres|all]}. {@code ./ee-radar} runs one holder per part so an
 * operator can stop, kill and start Kafka and PostgreSQL one at a time; the ready line names the
 * child JVM's pid ({@code kafka-pid=}, {@code postgres-pid=}) so the script can SIGKILL the server
 * itself rather than the holder (which would make the child stop cleanly). The holder exits when
 * its child does, so a crashed broker or database shows as stopped instead of leaving an empty
 * holder behind. With {@code KAFKA_BOOTSTRAP_SERVERS} or {@code EE_RADAR_JDBC_URL} set, that
 * external service is prepared instead (topics and databases are created there); with nothing
 * local to hold, the holder exits after its ready line.
 */
public final class LocalInfraMain {
    public static final String READY_LINE = "EE-RADAR-INFRA-READY";
    public static final List<String> DATABASES = List.of("ee_radar_ingest", "ee_radar_scoring", "ee_radar_query");

    private LocalInfraMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path data = Path.of(o.getOrDefault("data-dir", ".ee-radar")).toAbsolutePath();
        String host = o.getOrDefault("host", "127.0.0.1");
        String part = o.getOrDefault("part", "all");
        if (!List.of("all", "kafka", "postgres").contains(part)) {
            throw new IllegalArgumentException("--part must be kafka, postgres or all, not " + part);
        }
        boolean wantKafka = !"postgres".equals(part);
        boolean wantPostgres = !"kafka".equals(part);
        String externalKafka = System.getenv(LocalInfra.ENV_KAFKA);
        String externalJdbc = System.getenv(LocalInfra.ENV_JDBC_URL);

        KafkaNode kafka = wantKafka && blank(externalKafka)
                ? new KafkaNode(
                        host,
                        Integer.parseInt(o.getOrDefault("kafka-port", "19092")),
                        Integer.parseInt(o.getOrDefault("kafka-controller-port", "19093")),
                        data.resolve("kafka"))
                : null;
        PostgresNode postgres = wantPostgres && blank(externalJdbc)
                ? new PostgresNode(
                        host,
                        Integer.parseInt(o.getOrDefault("postgres-port", "15432")),
                        data.resolve("postgres"),
                        true)
                : null;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            if (kafka != null) {
                                kafka.stop();
                            }
                            if (postgres != null) {
                                postgres.stop();
                            }
                        },
                        "local-infra-stop"));

        StringBuilder ready = new StringBuilder(READY_LINE);
        if (kafka != null) {
            kafka.start();
            ready.append(" kafka=")
                    .append(kafka.bootstrapServers())
                    .append(" kafka-pid=")
                    .append(kafka.pid());
        } else if (wantKafka) {
            LocalInfra.createTopics(externalKafka);
            ready.append(" kafka=").append(externalKafka);
        }
        if (postgres != null) {
            postgres.start();
            DATABASES.forEach(postgres::ensureDatabase);
            ready.append(" jdbc=")
                    .append(postgres.jdbcUrl(""))
                    .append(" postgres-pid=")
                    .append(postgres.pid());
        } else if (wantPostgres) {
            String user = System.getenv().getOrDefault(LocalInfra.ENV_JDBC_USER, "postgres");
            String password = System.getenv().getOrDefault(LocalInfra.ENV_JDBC_PASSWORD, "");
            for (String db : DATABASES) {
                PostgresNode.ensureDatabase(externalJdbc, user, password, db);
            }
            ready.append(" jdbc=").append(externalJdbc, 0, externalJdbc.lastIndexOf('/') + 1);
        }
        System.out.println(ready);
        System.out.flush();
        if (kafka == null && postgres == null) {
            return;
        }
        while ((kafka == null || kafka.isRunning()) && (postgres == null || postgres.isRunning())) {
            Thread.sleep(500);
        }
        System.err.println((kafka != null && !kafka.isRunning() ? "Kafka" : "PostgreSQL")
                + " exited on its own; stopping (see its child.log under " + data + ")");
        System.exit(1);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
