package ca.eeradar.scoring.bench;

import ca.eeradar.contracts.Draw;
import ca.eeradar.crs.CrsEngine;
import ca.eeradar.crs.PackedProfile;
import ca.eeradar.scoring.evaluation.PoolJudge;
import ca.eeradar.scoring.evaluation.RoundRules;
import ca.eeradar.scoring.pool.CompactProfile;
import ca.eeradar.scoring.pool.PoolSlots;
import ca.eeradar.scoring.pool.SubmissionTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Baseline 2, in its own JVM (started by {@link DrawEvaluationBenchmark} after the service stopped, so
 * that both pools never share the machine's memory): the same N profiles, held as a partition's pool
 * holds them (packed through the compact form into {@link PoolSlots}, one pool per thread), judged
 * against the same round on as many threads as the service had stream threads by the service's own
 * loop ({@link PoolJudge}: pool check, {@code CrsEngine.assess} on the packed profile, verdict). That
 * is the service's work per profile without Kafka; its counts must equal DrawEvaluated's.
 *
 * <p>Args: {@code N threads drawDate drawnAt cutoff}. Prints one warm-up pass and three measured
 * ones, then {@code ASSESS_SECONDS=<median>}.
 */
public final class AssessBaseline {
    static final String RESULT_PREFIX = "ASSESS_SECONDS=";
    private static final int PASSES = 3;

    private AssessBaseline() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        LocalDate drawDate = LocalDate.parse(args[2]);
        Instant drawnAt = Instant.parse(args[3]);
        int cutoff = Integer.parseInt(args[4]);
        long t = System.nanoTime();
        PoolSlots[] pools = pools(n, threads, drawDate, drawnAt);
        System.gc(); // the pool laid out once, before any pass, as a long-running service's old generation would be
        Bench.log("assess baseline: %,d profiles generated and packed in %.1f s", n, Bench.secondsSince(t));

        Draw draw = RoundClock.generalRound("baseline", drawDate, drawnAt, cutoff);
        RoundRules rules = new RoundRules(draw, ZoneId.of("Canada/Eastern"));
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            double[] seconds = new double[PASSES];
            for (int pass = -1; pass < PASSES; pass++) {
                long start = System.nanoTime();
                long[] counts = judgeAll(executor, pools, rules);
                double s = Bench.secondsSince(start);
                Bench.log(
                        "assess baseline %s: %.3f s on %d thread(s): %,d in pool, %,d eligible, %,d likely",
                        pass < 0 ? "warm-up" : "pass " + (pass + 1), s, threads, counts[0], counts[1], counts[2]);
                if (pass >= 0) {
                    seconds[pass] = s;
                }
            }
            Arrays.sort(seconds);
            System.out.println(RESULT_PREFIX + seconds[PASSES / 2]);
        } finally {
            executor.shutdownNow();
        }
    }

    /** One pool per thread, each a contiguous slice of the N profiles, packed as PartitionPool packs a record. */
    static PoolSlots[] pools(int n, int threads, LocalDate drawDate, Instant drawnAt) {
        PoolSlots[] pools = new PoolSlots[threads];
        for (int i = 0; i < threads; i++) {
            pools[i] = new PoolSlots();
        }
        ProfileLoad.generate(n, drawDate, drawnAt, (first, profiles) -> {
            int[][] packed = new int[profiles.length][];
            IntStream.range(0, profiles.length)
                    .parallel()
                    .forEach(i ->
                            packed[i] = PackedProfile.pack(CompactProfile.decode(CompactProfile.encode(profiles[i]))));
            for (int i = 0; i < profiles.length; i++) {
                long index = first + i;
                Instant submitted = profiles[i].profileSubmittedAt();
                pools[(int) (index * threads / n)].put(
                        ProfileLoad.candidateId(index),
                        SubmissionTimes.epochNanos(submitted),
                        SubmissionTimes.epochNanos(SubmissionTimes.expiresAt(submitted)),
                        packed[i]);
            }
        });
        return pools;
    }

    /** counts: in pool, eligible, likely; each thread judges its own pool, as a stream thread judges its partitions. */
    private static long[] judgeAll(ExecutorService executor, PoolSlots[] pools, RoundRules rules) throws Exception {
        CrsEngine engine = CrsEngine.withOfficialRules();
        List<Future<long[]>> parts = new ArrayList<>();
        for (PoolSlots pool : pools) {
            // One engine for all (the service's is one bean), a judge per thread (as each stream task has its own).
            PoolJudge judge = new PoolJudge(engine);
            parts.add(executor.submit(() -> judge.judge(pool, rules, (id, v) -> {})));
        }
        long[] total = new long[3];
        for (Future<long[]> f : parts) {
            long[] c = f.get();
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        }
        return total;
    }
}
