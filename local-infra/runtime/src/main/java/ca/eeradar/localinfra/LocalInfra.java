package ca.eeradar.localinfra;

import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * One Kafka broker and one PostgreSQL per test JVM, started on free ports in a temporary folder
 * and stopped when the JVM exits. An external Kafka ({@code KAFKA_BOOTSTRAP_SERVERS}) or
 * PostgreSQL ({@code EE_RADAR_JDBC_URL}, {@code EE_RADAR_JDBC_USER}, {@code EE_RADAR_JDBC_PASSWORD},
 * the URL pointing at a database the user may create databases from) is used instead when given.
 */
public final class LocalInfra {
    public static final String ENV_KAFKA = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String ENV_JDBC_URL = "EE_RADAR_JDBC_URL";
    public static final String ENV_JDBC_USER = "EE_RADAR_JDBC_USER";
    public static final String ENV_JDBC_PASSWORD = "EE_RADAR_JDBC_PASSWORD";

    private static LocalInfra shared;

    private final Path root;
    private final KafkaNode kafka;
    private final PostgresNode postgres;
    private final String externalKafka;
    private final String externalJdbcUrl;

    private LocalInfra(Map<String, String> env) {
        try {
            root = Files.createTempDirectory("ee-radar-test-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        externalKafka = blankToNull(env.get(ENV_KAFKA));
        externalJdbcUrl = blankToNull(env.get(ENV_JDBC_URL));
        int[] ports = FreePorts.distinct(3);
        kafka = externalKafka != null ? null : new KafkaNode("127.0.0.1", ports[0], ports[1], root.resolve("kafka"));
        postgres = externalJdbcUrl != null
                ? null
                : new PostgresNode("127.0.0.1", ports[2], root.resolve("postgres"), false);
    }

    /** The broker and database of this JVM, started on first use. */
    public static synchronized LocalInfra shared() {
        if (shared == null) {
            LocalInfra infra = new LocalInfra(System.getenv());
            infra.startAll();
            Runtime.getRuntime().addShutdownHook(new Thread(infra::stopAll, "local-infra-stop"));
            shared = infra;
        }
        return shared;
    }

    private void startAll() {
        // Both children start in parallel: together they take about as long as the slower one.
        java.util.concurrent.CompletableFuture<Void> pg = java.util.concurrent.CompletableFuture.runAsync(() -> {
            if (postgres != null) {
                postgres.start();
            }
        });
        if (kafka != null) {
            kafka.start();
        } else {
            createTopics(externalKafka);
        }
        try {
            pg.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException(
                    "PostgreSQL did not start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    public synchronized void stopAll() {
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
        deleteQuietly(root);
    }

    public String bootstrapServers() {
        return kafka != null ? kafka.bootstrapServers() : externalKafka;
    }

    /** The Kafka node, to stop and restart it in a test; empty with an external broker. */
    public java.util.Optional<KafkaNode> kafka() {
        return java.util.Optional.ofNullable(kafka);
    }

    public java.util.Optional<PostgresNode> postgres() {
        return java.util.Optional.ofNullable(postgres);
    }

    public String jdbcUrl(String database) {
        if (postgres != null) {
            return postgres.jdbcUrl(database);
        }
        int slash = externalJdbcUrl.lastIndexOf('/');
        return externalJdbcUrl.substring(0, slash + 1) + database;
    }

    public String jdbcUser() {
        return postgres != null ? PostgresNode.USER : System.getenv().getOrDefault(ENV_JDBC_USER, "postgres");
    }

    public String jdbcPassword() {
        return postgres != null ? PostgresNode.PASSWORD : System.getenv().getOrDefault(ENV_JDBC_PASSWORD, "");
    }

    /** Creates the database if it does not exist yet and answers its JDBC URL. */
    public String database(String name) {
        if (postgres != null) {
            postgres.ensureDatabase(name);
        } else {
            PostgresNode.ensureDatabase(externalJdbcUrl, jdbcUser(), jdbcPassword(), name);
        }
        return jdbcUrl(name);
    }

    public Path root() {
        return root;
    }

    static void createTopics(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            var missing = topicsToCreate().stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics on " + bootstrap, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The public topics and scoring-service's internal ones; {@code EE_RADAR_PROFILE_PARTITIONS}
     * sets the partition count of the profile topic (default 12), the most scoring instances that share work.
     */
    public static java.util.List<Topics.TopicSpec> topicsToCreate() {
        String partitions = blankToNull(System.getenv("EE_RADAR_PROFILE_PARTITIONS"));
        java.util.List<Topics.TopicSpec> all = new java.util.ArrayList<>(Topics.all());
        all.addAll(partitions == null ? InternalTopics.all() : InternalTopics.all(Integer.parseInt(partitions)));
        return all;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp folder: the OS cleans up what is left
        }
    }

    /** Quarkus configuration pointing a service at this infrastructure. */
    public Map<String, String> quarkusConfig(String database) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", database(database));
        config.put("quarkus.datasource.username", jdbcUser());
        config.put("quarkus.datasource.password", jdbcPassword());
        return config;
    }
}
