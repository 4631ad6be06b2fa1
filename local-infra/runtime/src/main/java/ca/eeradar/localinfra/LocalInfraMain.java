package ca.eeradar.localinfra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The infrastructure of the local stack ({@code ./ee-radar up}): a Kafka broker and a PostgreSQL
 * with one database per service, data kept under the given folder so a restart keeps everything.
 * Runs in the foreground until stopped (SIGTERM/Ctrl-C stops both children cleanly; if this JVM
 * is killed outright, the children notice their closed stdin and stop by themselves).
 *
 * <p>Options: {@code --data-dir D --kafka-port P --kafka-controller-port C --postgres-port Q
 * [--host H]}. With {@code KAFKA_BOOTSTRAP_SERVERS} or {@code EE_RADAR_JDBC_URL} set, that external
 * service is used instead (topics and databases are created there).
 */
public final class LocalInfraMain {
    public static final String READY_LINE = "EE-RADAR-INFRA-READY";
    public static final List<String> DATABASES = List.of("ee_radar_ingest", "ee_radar_scoring", "ee_radar_query");

    private LocalInfraMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path data = Path.of(o.getOrDefault("data-dir", ".ee-radar")).toAbsolutePath();
        String host = o.getOrDefault("host", "127.0.0.1");
        String externalKafka = System.getenv(LocalInfra.ENV_KAFKA);
        String externalJdbc = System.getenv(LocalInfra.ENV_JDBC_URL);

        KafkaNode kafka = blank(externalKafka)
                ? new KafkaNode(host, Integer.parseInt(o.getOrDefault("kafka-port", "19092")),
                        Integer.parseInt(o.getOrDefault("kafka-controller-port", "19093")), data.resolve("kafka"))
                : null;
        PostgresNode postgres = blank(externalJdbc)
                ? new PostgresNode(host, Integer.parseInt(o.getOrDefault("postgres-port", "15432")), data.resolve("postgres"), true)
                : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (kafka != null) {
                kafka.stop();
            }
            if (postgres != null) {
                postgres.stop();
            }
        }, "local-infra-stop"));

        String bootstrap;
        if (kafka != null) {
            kafka.start();
            bootstrap = kafka.bootstrapServers();
        } else {
            bootstrap = externalKafka;
            LocalInfra.createTopics(bootstrap);
        }
        String jdbcBase;
        if (postgres != null) {
            postgres.start();
            DATABASES.forEach(postgres::ensureDatabase);
            jdbcBase = postgres.jdbcUrl("");
        } else {
            String user = System.getenv().getOrDefault(LocalInfra.ENV_JDBC_USER, "postgres");
            String password = System.getenv().getOrDefault(LocalInfra.ENV_JDBC_PASSWORD, "");
            for (String db : DATABASES) {
                PostgresNode.ensureDatabase(externalJdbc, user, password, db);
            }
            jdbcBase = externalJdbc.substring(0, externalJdbc.lastIndexOf('/') + 1);
        }
        System.out.println(READY_LINE + " kafka=" + bootstrap + " jdbc=" + jdbcBase);
        System.out.flush();
        Thread.currentThread().join();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
