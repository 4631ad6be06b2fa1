package ca.eeradar.scoring.bench;

import ca.eeradar.contracts.Draw;
import ca.eeradar.crs.CrsEngine;
import ca.eeradar.crs.DecodedProfile;
import ca.eeradar.scoring.evaluation.RoundRules;
import ca.eeradar.scoring.evaluation.Verdict;
import ca.eeradar.scoring.pool.CompactProfile;
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
 * that both pools never share the machine's memory): the same N profiles, already decoded as a
 * pool holds them (through the compact form), judged against the same round on as many threads
 * as the service had stream threads: pool check, {@code CrsEngine.assess(DecodedProfile, date)},
 * verdict. That is the service's work per profile without Kafka; its counts must equal DrawEvaluated's.
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
        Instant[] submitted = new Instant[n];
        DecodedProfile[] pool = new DecodedProfile[n];
        long t = System.nanoTime();
        ProfileLoad.generate(
                n,
                drawDate,
                drawnAt,
                (first, profiles) -> IntStream.range(0, profiles.length)
                        .parallel()
                        .forEach(i -> {
                            submitted[(int) first + i] = profiles[i].profileSubmittedAt();
                            pool[(int) first + i] =
                                    DecodedProfile.of(CompactProfile.decode(CompactProfile.encode(profiles[i])));
                        }));
        System.gc(); // the pool laid out once, before any pass, as a long-running service's old generation would be
        Bench.log("assess baseline: %,d profiles generated and decoded in %.1f s", n, Bench.secondsSince(t));

        Draw draw = RoundClock.generalRound("baseline", drawDate, drawnAt, cutoff);
        RoundRules rules = new RoundRules(draw, ZoneId.of("Canada/Eastern"));
        CrsEngine engine = CrsEngine.withOfficialRules();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            double[] seconds = new double[PASSES];
            for (int pass = -1; pass < PASSES; pass++) {
                long start = System.nanoTime();
                long[] counts = judgeAll(executor, threads, submitted, pool, rules, engine, draw.date());
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

    /** counts: in pool, eligible, likely; each thread judges one contiguous slice, as a stream thread judges its partitions. */
    private static long[] judgeAll(
            ExecutorService executor,
            int threads,
            Instant[] submitted,
            DecodedProfile[] pool,
            RoundRules rules,
            CrsEngine engine,
            LocalDate date)
            throws Exception {
        List<Future<long[]>> parts = new ArrayList<>();
        int n = pool.length;
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) n * t / threads);
            int to = (int) ((long) n * (t + 1) / threads);
            parts.add(executor.submit(() -> {
                long[] c = new long[3];
                for (int i = from; i < to; i++) {
                    if (rules.outsidePool(submitted[i]) != null) {
                        continue;
                    }
                    Verdict v = rules.judge(submitted[i], engine.assess(pool[i], date));
                    c[0]++;
                    c[1] += v.eligible() ? 1 : 0;
                    c[2] += v.likely() ? 1 : 0;
                }
                return c;
            }));
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
