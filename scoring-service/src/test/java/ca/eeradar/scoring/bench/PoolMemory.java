package ca.eeradar.scoring.bench;

import ca.eeradar.crs.DecodedProfile;
import ca.eeradar.crs.PackedProfile;
import ca.eeradar.scoring.pool.CompactProfile;
import ca.eeradar.scoring.pool.PoolSlots;
import ca.eeradar.scoring.pool.SubmissionTimes;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;

/**
 * How many bytes of heap a pool keeps per profile (a command, not a test; {@code scripts/bench-scoring.sh
 * pool-memory N [form]}): N synthetic profiles of the draw benchmark, each read the way a partition's
 * pool takes a record (compact form decoded, then packed) into 12 partitions by Kafka's own key
 * partitioner, then the heap still used after full collections, minus what was used before.
 *
 * <p>Forms: {@code packed} (the pool: {@link PoolSlots} of packed profiles) and {@code decoded} (the
 * pool before it: a map of candidate id to an entry holding the submission {@link Instant} and
 * {@link DecodedProfile#forPool}), so both can be measured back to back.
 */
public final class PoolMemory {
    private static final int PARTITIONS = 12;

    private PoolMemory() {}

    /** The former pool entry, for the {@code decoded} form only. */
    private record DecodedEntry(String candidateId, Instant submittedAt, DecodedProfile profile) {}

    public static void main(String[] args) {
        int n = Integer.parseInt(args.length > 0 ? args[0].replace("_", "") : "1000000");
        String form = args.length > 1 ? args[1] : "packed";
        Instant drawnAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate drawDate = LocalDate.ofInstant(drawnAt, java.time.ZoneOffset.UTC);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        Object pools = form.equals("decoded") ? decoded(n, drawDate, drawnAt) : packed(n, drawDate, drawnAt);
        long after = usedAfterGc(memory);
        System.out.printf(
                "pool memory: %,d profiles, form %s, %d partitions: %,d MiB live heap, %,d bytes per profile%n",
                n, form, PARTITIONS, (after - before) >> 20, (after - before) / n);
        System.out.println(pools.hashCode() == 0 ? "" : "(pools kept until measured)");
    }

    private static PoolSlots[] packed(int n, LocalDate drawDate, Instant drawnAt) {
        PoolSlots[] pools = new PoolSlots[PARTITIONS];
        for (int p = 0; p < PARTITIONS; p++) {
            pools[p] = new PoolSlots();
        }
        ProfileLoad.generate(n, drawDate, drawnAt, (first, profiles) -> {
            for (int i = 0; i < profiles.length; i++) {
                String id = ProfileLoad.candidateId(first + i);
                Instant submitted = profiles[i].profileSubmittedAt();
                pools[partition(id)].put(
                        id,
                        SubmissionTimes.epochNanos(submitted),
                        SubmissionTimes.epochNanos(SubmissionTimes.expiresAt(submitted)),
                        PackedProfile.pack(CompactProfile.decode(CompactProfile.encode(profiles[i]))));
            }
        });
        return pools;
    }

    private static Object decoded(int n, LocalDate drawDate, Instant drawnAt) {
        @SuppressWarnings("unchecked")
        Map<String, DecodedEntry>[] pools = new Map[PARTITIONS];
        for (int p = 0; p < PARTITIONS; p++) {
            pools[p] = new HashMap<>();
        }
        ProfileLoad.generate(n, drawDate, drawnAt, (first, profiles) -> {
            for (int i = 0; i < profiles.length; i++) {
                String id = ProfileLoad.candidateId(first + i);
                var profile = CompactProfile.decode(CompactProfile.encode(profiles[i]));
                pools[partition(id)].put(
                        id, new DecodedEntry(id, profile.profileSubmittedAt(), DecodedProfile.forPool(profile)));
            }
        });
        return pools;
    }

    /** The partition Kafka's default partitioner gives the key. */
    private static int partition(String candidateId) {
        return Utils.toPositive(Utils.murmur2(candidateId.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
