package ca.eeradar.scoring.bench;

import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.crs.Profile;
import ca.eeradar.scoring.evaluation.SyntheticProfiles;
import ca.eeradar.scoring.pool.ProfileCipher;
import ca.eeradar.scoring.pool.ProfileRecords;
import ca.eeradar.scoring.profiles.ProfileJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Writes N synthetic profiles straight into the profile topic in the form the outbox relay writes
 * them (key = candidate id, value = {@link ProfileRecords#value}, the key-id header), encrypted
 * with the service's built-in key: what the service restores is then exactly what a real
 * database's profiles would have become, without spending the run on PostgreSQL and the relay.
 */
final class ProfileLoad {
    static final long SEED = 42;
    private static final int CHUNK = 20_000;

    private ProfileLoad() {}

    /** Candidate ids of the benchmark: the assess baseline regenerates the same profiles in the same order. */
    static String candidateId(long i) {
        return "bench-" + i;
    }

    /** The n profiles {@link SyntheticProfiles} generates from {@link #SEED}, in order, each with its submission instant. */
    static void generate(long n, LocalDate drawDate, Instant drawnAt, ChunkConsumer each) {
        SyntheticProfiles gen = new SyntheticProfiles(SEED, drawDate, drawnAt);
        for (long start = 0; start < n; start += CHUNK) {
            int m = (int) Math.min(CHUNK, n - start);
            String[] json = new String[m];
            for (int i = 0; i < m; i++) {
                json[i] = gen.profile(gen.submittedAt());
            }
            // Parsing is the slow part: in parallel; the generator stays sequential so the data never changes.
            Profile[] profiles = new Profile[m];
            IntStream.range(0, m).parallel().forEach(i -> profiles[i] = ProfileJson.read(json[i]));
            each.accept(start, profiles);
        }
    }

    interface ChunkConsumer {
        void accept(long firstIndex, Profile[] profiles);
    }

    static void load(String bootstrap, long n, LocalDate drawDate, Instant drawnAt) {
        ProfileRecords records = builtInRecords();
        List<Header> headers = List.of(records.keyIdHeader());
        AtomicReference<Exception> failure = new AtomicReference<>();
        long t = System.nanoTime();
        try (KafkaProducer<String, byte[]> p = Bench.producer(
                bootstrap,
                Map.of(
                        ProducerConfig.LINGER_MS_CONFIG,
                        50,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        512 * 1024,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "lz4",
                        ProducerConfig.BUFFER_MEMORY_CONFIG,
                        128L * 1024 * 1024))) {
            generate(n, drawDate, drawnAt, (first, profiles) -> {
                byte[][] values = new byte[profiles.length][];
                IntStream.range(0, profiles.length)
                        .parallel()
                        .forEach(i -> values[i] = records.value(candidateId(first + i), profiles[i]));
                for (int i = 0; i < profiles.length; i++) {
                    String id = candidateId(first + i);
                    p.send(
                            new ProducerRecord<>(InternalTopics.CANDIDATE_PROFILES, null, id, values[i], headers),
                            (m, e) -> {
                                if (e != null) {
                                    failure.compareAndSet(null, e);
                                }
                            });
                }
            });
            p.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("loading the profile topic failed", failure.get());
        }
        Bench.log(
                "loaded %,d encrypted profiles into %s in %.1f s",
                n, InternalTopics.CANDIDATE_PROFILES, Bench.secondsSince(t));
    }

    /**
     * Commits the end of every profile partition for the evaluation's group, as a service that has been
     * running would have: each task then rebuilds its pool by restoring the partition (the path a restart
     * or a failover takes, logged by RestoreLog). Without it a fresh group fills the pools by processing
     * the topic record by record, which is a first deployment, once.
     */
    static void markProcessed(String bootstrap) throws Exception {
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            int partitions = admin.describeTopics(List.of(InternalTopics.CANDIDATE_PROFILES))
                    .allTopicNames()
                    .get()
                    .get(InternalTopics.CANDIDATE_PROFILES)
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(InternalTopics.CANDIDATE_PROFILES, p), OffsetSpec.latest());
            }
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get()
                    .forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(InternalTopics.APPLICATION_ID, ends)
                    .all()
                    .get();
        }
    }

    /** The codec of scoring-service with its built-in key, read from the service's own application.properties. */
    static ProfileRecords builtInRecords() {
        Properties props = new Properties();
        try (InputStream in = ProfileLoad.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in == null) {
                throw new IllegalStateException("scoring-service's application.properties is not on the classpath");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String keyId = props.getProperty("ee-radar.scoring.profile-topic.active-key-id");
        String key = props.getProperty("ee-radar.scoring.profile-topic.keys." + keyId);
        if (keyId == null || key == null) {
            throw new IllegalStateException("no built-in profile key in the application.properties on the classpath");
        }
        return new ProfileRecords(new ProfileCipher(keyId, Map.of(keyId, key)));
    }
}
