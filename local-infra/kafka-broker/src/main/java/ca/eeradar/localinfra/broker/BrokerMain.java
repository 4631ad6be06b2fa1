package ca.eeradar.localinfra.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single Apache Kafka node in KRaft combined mode (broker + controller), run in its own JVM so
 * that the broker jars never reach a service's classpath.
 *
 * <p>Arguments: {@code --port P --controller-port C --data-dir D [--host H] [--watch-stdin]
 * [--topic name:partitions[:key=value,...]]...}. Storage is formatted only when
 * {@code meta.properties} is missing, so a restart keeps every topic and offset. With
 * {@code --watch-stdin} the process exits when its standard input closes, i.e. when the parent
 * that started it dies, even by {@code kill -9}: no orphaned broker.
 */
public final class BrokerMain {
    public static final String READY_LINE = "EE-RADAR-KAFKA-READY";

    private BrokerMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        List<String> topics = new ArrayList<>();
        boolean watchStdin = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--watch-stdin" -> watchStdin = true;
                case "--topic" -> topics.add(args[++i]);
                default -> options.put(args[i].replaceFirst("^--", ""), args[++i]);
            }
        }
        String host = options.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(required(options, "port"));
        int controllerPort = Integer.parseInt(required(options, "controller-port"));
        Path dataDir = Path.of(required(options, "data-dir")).toAbsolutePath();
        Path logDir = dataDir.resolve("logs");
        Files.createDirectories(logDir);

        Path config = dataDir.resolve("server.properties");
        writeConfig(config, host, port, controllerPort, logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
            int rc = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", config.toString()}, new PrintStream(System.err));
            if (rc != 0) {
                System.err.println("kafka storage format failed with exit code " + rc);
                System.exit(rc);
            }
        }

        Thread server = new Thread(() -> kafka.Kafka.main(new String[] {config.toString()}), "kafka-server");
        server.start();

        String bootstrap = host + ":" + port;
        createTopics(bootstrap, topics);
        System.out.println(READY_LINE + " " + bootstrap);
        System.out.flush();

        if (watchStdin) {
            InputStream in = System.in;
            while (in.read() != -1) {
                // The parent never writes; end of stream means the parent is gone.
            }
            System.exit(0); // Kafka's shutdown hook stops the server cleanly.
        }
        server.join();
    }

    private static String required(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }

    private static void writeConfig(Path file, String host, int port, int controllerPort, Path logDir)
            throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        // One node: every internal topic has a single replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly with their settings; a typo must not create a new topic.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        p.setProperty("log.flush.interval.messages", "9223372036854775807");
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "written by ee-radar BrokerMain");
        }
    }

    private static void createTopics(String bootstrap, List<String> specs) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get();
                    break;
                } catch (ExecutionException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String spec : specs) {
                String[] parts = spec.split(":", 3);
                if (existing.contains(parts[0])) {
                    continue;
                }
                NewTopic topic = new NewTopic(parts[0], Integer.parseInt(parts[1]), (short) 1);
                if (parts.length == 3 && !parts[2].isBlank()) {
                    Map<String, String> configs = new HashMap<>();
                    for (String kv : parts[2].split(",")) {
                        String[] pair = kv.split("=", 2);
                        configs.put(pair[0], pair[1]);
                    }
                    topic.configs(configs);
                }
                missing.add(topic);
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }
}
