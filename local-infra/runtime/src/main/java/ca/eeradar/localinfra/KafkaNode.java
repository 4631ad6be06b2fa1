package ca.eeradar.localinfra;

import ca.eeradar.contracts.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real single-node Kafka (KRaft) in a child JVM, created with every topic of {@link Topics}.
 * Stop and start keep the data directory, so a restart keeps topics, records and offsets.
 */
public final class KafkaNode extends ChildNode {
    static final String MAIN = "ca.eeradar.localinfra.broker.BrokerMain";
    static final String CLASSPATH = "ee-radar-local-infra/broker.classpath";
    /** Extra JVM options for the broker, after the defaults (e.g. {@code -XX:TieredStopAtLevel=4}). */
    public static final String JAVA_OPTS_ENV = "EE_RADAR_KAFKA_JAVA_OPTS";

    private final String host;
    private final int port;
    private final int controllerPort;
    private final Path dataDir;

    public KafkaNode(String host, int port, int controllerPort, Path dataDir) {
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
    }

    public synchronized KafkaNode start() {
        ensureStarted();
        return this;
    }

    @Override
    ChildJvm launch() {
        List<String> args = new ArrayList<>(List.of(
                "--host",
                host,
                "--port",
                String.valueOf(port),
                "--controller-port",
                String.valueOf(controllerPort),
                "--data-dir",
                dataDir.toString(),
                "--watch-stdin"));
        args.addAll(topicArguments());
        // Small and quick to start for tests and the demo: the first compiler only (TieredStopAtLevel=1) costs
        // the broker CPU under load, so a measurement that shares the cores with it lifts that (JAVA_OPTS_ENV).
        List<String> jvmOptions = new ArrayList<>(List.of(
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.logFile=" + dataDir.resolve("broker.log"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        String extra = System.getenv().getOrDefault(JAVA_OPTS_ENV, "").strip();
        if (!extra.isEmpty()) {
            jvmOptions.addAll(List.of(extra.split("\\s+"))); // after the defaults: the last of a repeated -XX wins
        }
        return ChildJvm.start(
                "kafka",
                CLASSPATH,
                MAIN,
                args,
                jvmOptions,
                dataDir.resolve("child.log"),
                "EE-RADAR-KAFKA-READY",
                Duration.ofSeconds(120));
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    /** {@code --topic name:partitions:key=value,...} for every topic of the contract. */
    public static List<String> topicArguments() {
        List<String> args = new ArrayList<>();
        for (Topics.TopicSpec t : LocalInfra.topicsToCreate()) {
            args.add("--topic");
            args.add(t.name() + ":" + t.partitions() + ":"
                    + t.configs().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(",")));
        }
        return args;
    }
}
