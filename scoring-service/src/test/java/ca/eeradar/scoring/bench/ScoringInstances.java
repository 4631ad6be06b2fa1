package ca.eeradar.scoring.bench;

import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.localinfra.JwtKeys;
import ca.eeradar.localinfra.LocalInfra;
import ca.eeradar.localinfra.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * K scoring-service instances from the built jar, each a child process with its own HTTP port and
 * log, one stream thread, the same broker and database; and the wait until the evaluation group is
 * stable with K members, the profile partitions split as evenly as they can be, and every one in a pool.
 */
final class ScoringInstances implements AutoCloseable {
    /** One started instance: its process, log and the client id its stream thread's consumer carries. */
    record Instance(int index, Process process, InstanceLog log, String clientId, int port) {}

    private final List<Instance> instances = new ArrayList<>();
    private final LocalInfra infra;
    /** Interrupted or killed by a signal, the benchmark still leaves no instance behind. */
    private final Thread stopOnExit = new Thread(this::close, "scoring-instances-stop");

    ScoringInstances(LocalInfra infra) {
        this.infra = infra;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    List<Instance> all() {
        return instances;
    }

    private static String clientId(int index) {
        return "bench-scoring-" + index;
    }

    void start(Path jar, int k, String jdbcUrl, int heapMb, Path logDir) throws IOException {
        for (int i = 1; i <= k; i++) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path logFile = logDir.resolve("bench-scoring-" + i + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseParallelGC",
                    "-Xms" + heapMb + "m",
                    "-Xmx" + heapMb + "m",
                    // Names the instance's group member (its consumer's client id starts with it), so the
                    // assignment the broker reports maps to an instance and its log.
                    "-Dkafka-streams.client.id=" + clientId(i),
                    "-Dkafka-streams.num.stream.threads=1"));
            // e.g. a flight recording to see where a round's time goes (docs/benchmarks.md)
            String extra =
                    System.getenv().getOrDefault("BENCH_INSTANCE_JAVA_OPTS", "").strip();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            ProcessBuilder pb = new ProcessBuilder(command);
            Map<String, String> env = pb.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
            env.put("QUARKUS_DATASOURCE_USERNAME", infra.jdbcUser());
            env.put("QUARKUS_DATASOURCE_PASSWORD", infra.jdbcPassword());
            env.put("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
            env.put(
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                    TestTokens.keys().publicKeyFile().toUri().toString());
            env.put("MP_JWT_VERIFY_ISSUER", JwtKeys.ISSUER);
            env.put("EE_RADAR_SCORING_RESCORE_ENABLED", "false");
            pb.redirectErrorStream(true).redirectOutput(logFile.toFile());
            instances.add(new Instance(i, pb.start(), new InstanceLog(logFile), clientId(i), port));
            Bench.log("scoring instance %d starting on port %d, heap %d MiB (log: %s)", i, port, heapMb, logFile);
        }
    }

    /** Every instance answers ready, the group is stable with K members holding partitions, and every pool is filled. */
    void awaitEvaluationReady(int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        HttpClient http = HttpClient.newHttpClient();
        for (Instance i : instances) {
            while (!ready(http, i)) {
                check(deadline, "instance " + i.index() + " not ready");
                Thread.sleep(500);
            }
        }
        Bench.log("%d instance(s) answer ready", instances.size());
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        try (Admin admin = Admin.create(ap)) {
            int settled = 0;
            while (settled < 2) {
                check(deadline, "evaluation group not stable with " + instances.size() + " members and full pools");
                settled = groupSettled(admin) ? settled + 1 : 0;
                Thread.sleep(1000);
            }
        }
    }

    /** Waits until some instance's log mentions each of {@code texts}. */
    void awaitLogged(List<String> texts, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (String text : texts) {
            while (instances.stream().noneMatch(i -> i.log().mentions(text))) {
                check(deadline, "no instance logged \"" + text + "\"");
                Thread.sleep(100);
            }
        }
    }

    /**
     * Twice in a row, a second apart: stable, K members each holding an even share of the partitions (12 / K, or one
     * more or less where it does not divide), no restore running, offsets at the end. An instance that joined after
     * the others got partitions holds warm-up copies first and its share only after a probing rebalance: the round
     * is measured once it holds it, the steady state a scale-out reaches (README, probing.rebalance.interval.ms).
     */
    private boolean groupSettled(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(InternalTopics.APPLICATION_ID))
                .all()
                .get()
                .get(InternalTopics.APPLICATION_ID);
        if (group.groupState() != GroupState.STABLE
                || group.members().size() != instances.size()
                || group.members().stream()
                        .anyMatch(m -> m.assignment().topicPartitions().isEmpty())) {
            return false;
        }
        Map<Integer, List<Integer>> held = profilePartitions(group);
        int partitions = held.values().stream().mapToInt(List::size).sum();
        int fewest = partitions / instances.size();
        int most = fewest + (partitions % instances.size() == 0 ? 0 : 1);
        for (Instance i : instances) {
            List<Integer> mine = held.get(i.index());
            if (!i.process().isAlive()
                    || mine.isEmpty()
                    || mine.size() < fewest
                    || mine.size() > most
                    || mine.stream().anyMatch(i.log().restoring()::contains)
                    || !i.log().restores().keySet().containsAll(mine)) {
                return false;
            }
        }
        // A pool is restored up to the group's committed offset (ProfileLoad.markProcessed set it to the end).
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(InternalTopics.APPLICATION_ID)
                .partitionsToOffsetAndMetadata()
                .get();
        List<TopicPartition> profileParts = group.members().stream()
                .flatMap(m -> m.assignment().topicPartitions().stream())
                .filter(tp -> tp.topic().equals(InternalTopics.CANDIDATE_PROFILES))
                .toList();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        profileParts.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        for (TopicPartition tp : profileParts) {
            OffsetAndMetadata c = committed.get(tp);
            if (c == null || c.offset() < ends.get(tp).offset()) {
                return false;
            }
        }
        return true;
    }

    /** The profile partitions each instance holds, as the broker reports the group's assignment. */
    Map<Integer, List<Integer>> profilePartitions() throws Exception {
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        try (Admin admin = Admin.create(ap)) {
            return profilePartitions(admin.describeConsumerGroups(List.of(InternalTopics.APPLICATION_ID))
                    .all()
                    .get()
                    .get(InternalTopics.APPLICATION_ID));
        }
    }

    private Map<Integer, List<Integer>> profilePartitions(ConsumerGroupDescription group) {
        Map<Integer, List<Integer>> held = new java.util.TreeMap<>();
        for (Instance i : instances) {
            held.put(
                    i.index(),
                    group.members().stream()
                            .filter(m -> m.clientId().startsWith(i.clientId() + "-"))
                            .map(MemberDescription::assignment)
                            .flatMap(a -> a.topicPartitions().stream())
                            .filter(tp -> tp.topic().equals(InternalTopics.CANDIDATE_PROFILES))
                            .map(TopicPartition::partition)
                            .sorted()
                            .toList());
        }
        return held;
    }

    /** The heap an instance still uses after a full collection: its pool, mostly (jcmd GC.run, then GC.heap_info). */
    long liveHeapBytes(Instance i) throws Exception {
        jcmd(i, "GC.run");
        String info = jcmd(i, "GC.heap_info");
        long usedKb = 0;
        Matcher m = Pattern.compile("(?m)^\\s*(PSYoungGen|ParOldGen)\\s.*?used (\\d+)K")
                .matcher(info);
        while (m.find()) {
            usedKb += Long.parseLong(m.group(2));
        }
        return usedKb * 1024;
    }

    private static String jcmd(Instance i, String command) throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(i.process().pid()),
                        command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static boolean ready(HttpClient http, Instance i) throws InterruptedException {
        if (!i.process().isAlive()) {
            throw new IllegalStateException("scoring instance " + i.index() + " exited; see its log");
        }
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + i.port() + "/q/health/ready"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void check(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(what + " in time");
        }
    }

    /** Stops every instance (SIGTERM, then SIGKILL after 30 s) and waits until each is gone. */
    @Override
    public synchronized void close() {
        instances.forEach(i -> i.process().destroy());
        for (Instance i : instances) {
            try {
                if (!i.process().waitFor(30, TimeUnit.SECONDS)) {
                    i.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                i.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
