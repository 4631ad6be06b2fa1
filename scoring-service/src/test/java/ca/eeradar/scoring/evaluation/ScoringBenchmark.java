package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.InvitationLikely;
import ca.eeradar.contracts.Topics;
import ca.eeradar.localinfra.JwtKeys;
import ca.eeradar.localinfra.LocalInfra;
import ca.eeradar.localinfra.TestTokens;
import ca.eeradar.scoring.crs.ProfileValidator;
import ca.eeradar.scoring.profiles.CompactProfile;
import ca.eeradar.scoring.profiles.ProfileJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The issue-5 benchmark (not a test; run by scripts/bench-scoring.sh): real Kafka + PostgreSQL
 * (LocalInfra), the built scoring-service jar in its own JVM, N synthetic profiles loaded with COPY,
 * one GENERAL round announced on express-entry.draws; then the two baselines on the same machine.
 *
 * <p>Args: {@code N [path/to/quarkus-run.jar] [cutoff]}.
 */
public final class ScoringBenchmark {
    private static final String DATABASE = "ee_radar_scoring_bench";
    private static final long WARM_UP = 20_000;

    private ScoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args.length > 0 ? args[0].replace("_", "") : "1000000");
        Path jar = Path.of(args.length > 1 ? args[1] : "scoring-service/target/quarkus-app/quarkus-run.jar");
        int cutoff = args.length > 2 ? Integer.parseInt(args[2]) : 480;
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: ./mvnw -o package -pl scoring-service -DskipTests");
        }
        log("starting Kafka + PostgreSQL (LocalInfra)");
        LocalInfra infra = LocalInfra.shared();
        String jdbcUrl = infra.database(DATABASE);
        Process service = startService(jar, infra, jdbcUrl);
        try {
            run(n, cutoff, infra, jdbcUrl);
        } finally {
            service.destroy();
            service.waitFor(20, TimeUnit.SECONDS);
            service.destroyForcibly();
        }
        System.exit(0);
    }

    private static void run(long n, int cutoff, LocalInfra infra, String jdbcUrl) throws Exception {
        ZoneId ottawa = ZoneId.of("Canada/Eastern");
        LocalDate drawDate = LocalDate.now(ottawa);
        Instant drawnAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String number = "B" + (System.currentTimeMillis() / 1000 % 100_000_000);
        sanityCheck(drawDate, drawnAt);
        // A running service has loaded its classes and compiled its hot path: warm it up with one
        // round over 20,000 profiles first, then measure the real round over N.
        loadFresh(infra, jdbcUrl, WARM_UP, drawDate, drawnAt);
        announceAndAwait(infra, new Draw(number + "W", drawDate, drawnAt, "benchmark warm-up round", Draw.RoundType.GENERAL, null,
                null, null, List.of(), 5000, cutoff, null, null, 1, new Draw.Source(Draw.SourceKind.MANUAL, "bench", Instant.now())));
        log("service warmed up with one round over %,d profiles", WARM_UP);
        loadFresh(infra, jdbcUrl, n, drawDate, drawnAt);

        Draw draw = new Draw(number, drawDate, drawnAt, "benchmark general round", Draw.RoundType.GENERAL, null, null, null,
                List.of(), 5000, cutoff, null, null, 1, new Draw.Source(Draw.SourceKind.MANUAL, "bench", Instant.now()));
        Map<TopicPartition, Long> before = endOffsets(infra, Topics.INVITATION_LIKELY);
        Instant announced = Instant.now();
        ConsumerRecord<String, byte[]> evaluated = announceAndAwait(infra, draw);
        {
            DrawEvaluated summary = EventJson.read(evaluated.value(), DrawEvaluated.class);
            // ce_time of DrawEvaluated = the service's clock right after the last InvitationLikely was acknowledged.
            Instant lastAck = CloudEvent.from(evaluated.headers()).time();
            double seconds = Duration.between(announced, lastAck).toNanos() / 1e9;
            Map<TopicPartition, Long> after = endOffsets(infra, Topics.INVITATION_LIKELY);
            long published = after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();

            // Baselines, same machine, same data, after the service finished.
            double scan = scanBaseline(infra, jdbcUrl, "profile_json");
            double compactScan = scanBaseline(infra, jdbcUrl, "profile_compact");
            double produce = produceBaseline(infra, n, number);
            System.out.println();
            System.out.println("=== ee-radar scoring benchmark, " + Instant.now() + " ===");
            System.out.printf("profiles                 %,d%n", n);
            System.out.printf("in pool (evaluated)      %,d%n", summary.evaluated());
            System.out.printf("eligible                 %,d%n", summary.eligible());
            System.out.printf("likely                   %,d  (InvitationLikely records on the topic: %,d)%n", summary.likely(), published);
            System.out.printf("seconds                  %.2f  (announcement -> last InvitationLikely acknowledged)%n", seconds);
            System.out.printf("service durationMs       %d  (draw received -> last acknowledgement)%n", summary.durationMs());
            System.out.printf("profiles/s               %,.0f%n", n / seconds);
            System.out.printf("baseline scan            %.2f s  (COPY (select candidate_id, submitted_at, profile_json from candidate_profile) TO STDOUT, discarded)%n", scan);
            System.out.printf("  (compact column)       %.2f s  (the same with profile_compact, what the service reads)%n", compactScan);
            System.out.printf("baseline bare produce    %.2f s  (%,d records of an InvitationLikely's size, acks=all, idempotent, lz4)%n", produce, n);
            System.out.printf("ratio                    %.2f x (scan + bare produce)%n", seconds / (scan + produce));
            System.out.printf("  (vs compact scan)      %.2f x%n", seconds / (compactScan + produce));
        }
    }

    private static void loadFresh(LocalInfra infra, String jdbcUrl, long n, LocalDate drawDate, Instant drawnAt) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, infra.jdbcUser(), infra.jdbcPassword())) {
            try (Statement s = c.createStatement()) {
                s.execute("truncate candidate_profile");
            }
            long t = System.nanoTime();
            load(c, n, drawDate, drawnAt);
            log("loaded %,d profiles with COPY in %.1f s", n, secondsSince(t));
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("vacuum (analyze) candidate_profile"); // hint bits set once, for the service and the baselines alike
            }
        }
    }

    /** Announces the round and waits for its DrawEvaluated (read from the end of the topic, no consumer group). */
    private static ConsumerRecord<String, byte[]> announceAndAwait(LocalInfra infra, Draw draw) throws Exception {
        String evaluatedId = EventTypes.drawEvaluatedId(draw.number(), 1);
        try (KafkaConsumer<String, byte[]> summaries = consumer(infra)) {
            List<TopicPartition> parts = summaries.partitionsFor(Topics.DRAW_EVALUATIONS).stream()
                    .map(p -> new TopicPartition(Topics.DRAW_EVALUATIONS, p.partition())).toList();
            summaries.assign(parts);
            summaries.seekToEnd(parts);
            parts.forEach(summaries::position);
            CloudEvent ce = new CloudEvent(EventTypes.drawEventId(draw.number(), 1), EventTypes.DRAW_ANNOUNCED, "/ee-radar/bench",
                    Instant.now(), draw.number());
            try (KafkaProducer<String, byte[]> p = producer(infra, Map.of())) {
                p.send(new ProducerRecord<>(Topics.DRAWS, null, draw.number(), EventJson.write(draw), ce.headers())).get();
            }
            log("announced round %s (GENERAL, cutoff %d)", draw.number(), draw.crsCutoff());
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : summaries.poll(Duration.ofMillis(200))) {
                    if (evaluatedId.equals(CloudEvent.text(r.headers(), CloudEvent.ID))) {
                        return r;
                    }
                }
            }
            throw new IllegalStateException("no DrawEvaluated for " + draw.number() + " within 30 minutes");
        }
    }

    /** The first thousand generated profiles must pass the store's own validation. */
    private static void sanityCheck(LocalDate drawDate, Instant drawnAt) {
        SyntheticProfiles gen = new SyntheticProfiles(42, drawDate, drawnAt);
        ProfileValidator validator = new ProfileValidator();
        for (int i = 0; i < 1000; i++) {
            Instant submitted = gen.submittedAt();
            var violations = validator.validate(ProfileJson.read(gen.profile(submitted)), drawDate.plusDays(2));
            if (!violations.isEmpty()) {
                throw new IllegalStateException("synthetic profile " + i + " invalid: " + violations);
            }
        }
    }

    /**
     * COPY in chunks: JSON generated on one thread (deterministic seed), the compact form the store
     * writes beside it computed in parallel, exactly as a PUT would store it.
     */
    private static void load(Connection c, long n, LocalDate drawDate, Instant drawnAt) throws Exception {
        c.setAutoCommit(false);
        SyntheticProfiles gen = new SyntheticProfiles(42, drawDate, drawnAt);
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy candidate_profile (candidate_id, version, profile_json,"
                + " profile_compact, submitted_at, score_as_of, score_total, score_fingerprint, created_at, updated_at) from stdin");
        String now = Instant.now().toString();
        HexFormat hex = HexFormat.of();
        int chunkRows = 20_000;
        for (long start = 0; start < n; start += chunkRows) {
            int m = (int) Math.min(chunkRows, n - start);
            Instant[] submitted = new Instant[m];
            String[] json = new String[m];
            for (int i = 0; i < m; i++) {
                submitted[i] = gen.submittedAt();
                json[i] = gen.profile(submitted[i]);
            }
            String[] compact = new String[m];
            IntStream.range(0, m).parallel().forEach(i -> compact[i] = hex.formatHex(CompactProfile.encode(ProfileJson.read(json[i]))));
            StringBuilder chunk = new StringBuilder(m * 1400);
            for (int i = 0; i < m; i++) {
                // The generated JSON has no tab, newline or backslash: COPY's text format takes it as is.
                chunk.append("bench-").append(start + i).append("\t1\t").append(json[i]).append("\t\\\\x").append(compact[i])
                        .append('\t').append(submitted[i]).append('\t').append(drawDate).append("\t0\tbench\t").append(now)
                        .append('\t').append(now).append('\n');
            }
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
        }
        copy.endCopy();
        c.commit();
    }

    private static double scanBaseline(LocalInfra infra, String jdbcUrl, String column) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, infra.jdbcUser(), infra.jdbcPassword())) {
            long t = System.nanoTime();
            long rows = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("copy (select candidate_id, submitted_at, " + column + " from candidate_profile) to stdout", OutputStream.nullOutputStream());
            double s = secondsSince(t);
            log("scan baseline (%s): %,d rows in %.2f s", column, rows, s);
            return s;
        }
    }

    private static double produceBaseline(LocalInfra infra, long n, String number) throws Exception {
        String topic = "bench.bare-produce-" + UUID.randomUUID().toString().substring(0, 8);
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        try (Admin admin = Admin.create(ap)) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
            try (KafkaProducer<String, byte[]> p = producer(infra, Map.of(ProducerConfig.LINGER_MS_CONFIG, 20,
                    ProducerConfig.BATCH_SIZE_CONFIG, 262144, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                    ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024))) {
                InvitationLikely sample = new InvitationLikely(number, 1, LocalDate.now(), "bench-123456", 512, 480, 32,
                        InvitationLikely.TieBreak.NOT_NEEDED, "GENERAL", "2026-11-03", Instant.now());
                byte[] value = EventJson.write(sample);
                long t = System.nanoTime();
                AtomicReference<Exception> failure = new AtomicReference<>();
                for (long i = 0; i < n; i++) {
                    String key = "bench-" + i;
                    List<Header> headers = new CloudEvent(EventTypes.invitationLikelyId(number, 1, key), EventTypes.INVITATION_LIKELY,
                            EventTypes.SOURCE_SCORING, Instant.now(), key).headers();
                    p.send(new ProducerRecord<>(topic, null, key, value, headers), (m, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                }
                p.flush();
                double s = secondsSince(t);
                if (failure.get() != null) {
                    throw failure.get();
                }
                log("bare produce baseline: %,d records of %d bytes in %.2f s", n, value.length, s);
                return s;
            } finally {
                admin.deleteTopics(List.of(topic));
            }
        }
    }

    private static Process startService(Path jar, LocalInfra infra, String jdbcUrl) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path logFile = jar.toAbsolutePath().getParent().getParent().resolve("bench-scoring-service.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-Xms2g", "-Xmx4g", "-jar", jar.toAbsolutePath().toString());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", infra.jdbcUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", infra.jdbcPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.keys().publicKeyFile().toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", JwtKeys.ISSUER);
        env.put("EE_RADAR_SCORING_RESCORE_ENABLED", "false");
        pb.redirectErrorStream(true).redirectOutput(logFile.toFile());
        Process p = pb.start();
        log("scoring-service starting on port %d (log: %s)", port, logFile);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("scoring-service exited; see " + logFile);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    log("scoring-service ready");
                    return p;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        p.destroyForcibly();
        throw new IllegalStateException("scoring-service not ready within 180 s; see " + logFile);
    }

    private static KafkaProducer<String, byte[]> producer(LocalInfra infra, Map<String, Object> tuning) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.putAll(tuning);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(LocalInfra infra) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<TopicPartition, Long> endOffsets(LocalInfra infra, String topic) {
        try (KafkaConsumer<String, byte[]> c = consumer(infra)) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            return c.endOffsets(parts);
        }
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.printf("[bench %s] %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS), String.format(format, args));
    }
}
