package ca.eeradar.scoring.bench;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.Topics;
import ca.eeradar.localinfra.LocalInfra;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The draw-evaluation benchmark (a command, not a test; run by scripts/bench-scoring.sh): N synthetic
 * profiles written into the profile topic of a real broker (LocalInfra), K instances of the built
 * scoring-service jar evaluating one GENERAL round announced on express-entry.draws, timed as a
 * read_committed subscriber sees it; then, with the service stopped, the two baselines of the same
 * run (a bare transactional producer of the round's L events, the assessment of the same N decoded
 * profiles on K threads) and the ratio of the service's time to their sum.
 *
 * <p>Args: {@code N K path/to/quarkus-run.jar cutoff}. {@code BENCH_HEAP_MB} overrides the heap of
 * each instance (and of the assess baseline), otherwise sized for its share of the pool.
 */
public final class DrawEvaluationBenchmark {
    private static final String DATABASE = "ee_radar_scoring_bench";
    /** The highest cutoff a round may have, which no synthetic profile reaches: the warm-up round judges the whole pool and emits no event. */
    private static final int WARM_UP_CUTOFF = 1200;
    /** The warm-up rounds' numbers are the round's with these letters: lower case, as contracts.rules' RoundNumber requires. */
    private static final String WARM_UP_SUFFIX = "w";

    private static final String WARM_UP_EVENTS_SUFFIX = "v";
    /**
     * Heap per profile: the packed pool keeps about 200 bytes (pool-memory), three times that leaves room
     * for the restore's record batches and the round's events; 10M profiles then get 6.6 GiB + 1 GiB.
     */
    private static final long BYTES_PER_PROFILE = 600;

    private DrawEvaluationBenchmark() {}

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args.length > 0 ? args[0].replace("_", "") : "1000000");
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path jar = Path.of(args.length > 2 ? args[2] : "scoring-service/target/quarkus-app/quarkus-run.jar");
        int cutoff = args.length > 3 ? Integer.parseInt(args[3]) : 480;
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: run scripts/bench-scoring.sh, which builds it");
        }
        String loadBefore = load();
        int heapMb = heapMb(n, k);
        Bench.log("starting Kafka + PostgreSQL (LocalInfra)");
        LocalInfra infra = LocalInfra.shared();
        String jdbcUrl = infra.database(DATABASE);
        ZoneId ottawa = ZoneId.of("Canada/Eastern");
        Instant drawnAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate drawDate = LocalDate.ofInstant(drawnAt, ottawa);
        // A valid round number that changes every second, so repeated runs on one database never collide.
        String number = String.valueOf(900_000 + System.currentTimeMillis() / 1000 % 100_000);

        ProfileLoad.load(infra.bootstrapServers(), n, drawDate, drawnAt);
        ProfileLoad.markProcessed(infra.bootstrapServers());
        Report report = new Report(n, k, heapMb, loadBefore);
        try (RoundClock clock = new RoundClock(infra.bootstrapServers());
                ScoringInstances instances = new ScoringInstances(infra)) {
            long started = System.nanoTime();
            instances.start(
                    jar, k, jdbcUrl, heapMb, jar.toAbsolutePath().getParent().getParent());
            instances.awaitEvaluationReady(600);
            Bench.log(
                    "evaluation group stable with %d member(s), every pool full, %.1f s after the start",
                    k, Bench.secondsSince(started));
            report.held = instances.profilePartitions();
            instances.all().forEach(i -> report.restores.add(i.log().restores()));
            List<String> primers = clock.primeIntake(number, drawDate.minusYears(1), drawnAt);
            instances.awaitLogged(
                    primers.stream().map(p -> "draw " + p + " r1 not evaluated").toList(), 120);
            Bench.log(
                    "intake primed: rounds %s, one per partition of %s, kept and not evaluated", primers, Topics.DRAWS);
            // A service that has been running has judged its pool before and compiled its hot path, emitting events
            // included: one round nobody passes (no events: the judging alone, cold), then one at the round's cutoff
            // under another number (its events too); both times are reported.
            RoundClock.Result warm = clock.announceAndMeasure(
                    RoundClock.generalRound(number + WARM_UP_SUFFIX, drawDate, drawnAt, WARM_UP_CUTOFF), 900);
            report.warmUp = warm.evaluated();
            report.warmUpEvaluations = evaluations(instances, number + WARM_UP_SUFFIX);
            Bench.log(
                    "warm-up round %s" + WARM_UP_SUFFIX + ": %,d judged in %d ms",
                    number,
                    warm.evaluated().evaluated(),
                    warm.evaluated().durationMs());
            RoundClock.Result warmEvents = clock.announceAndMeasure(
                    RoundClock.generalRound(number + WARM_UP_EVENTS_SUFFIX, drawDate, drawnAt, cutoff), 900);
            report.warmUpWithEvents = warmEvents;
            Bench.log(
                    "warm-up round %s" + WARM_UP_EVENTS_SUFFIX + ": %,d likely, last visible after %.2f s",
                    number,
                    warmEvents.evaluated().likely(),
                    warmEvents.lastVisibleSeconds());

            Draw draw = RoundClock.generalRound(number, drawDate, drawnAt, cutoff);
            report.round = clock.announceAndMeasure(draw, 900);
            report.evaluations = evaluations(instances, number);
            // Only now: a full collection of a large pool on a loaded machine has paused an instance for longer than
            // session.timeout.ms (13 s on 2026-12-04), which cost it its tasks and made it restore every pool again.
            for (ScoringInstances.Instance i : instances.all()) {
                report.liveHeap.add(instances.liveHeapBytes(i));
            }
            Bench.log(
                    "round %s: last InvitationLikely visible %.2f s after the announcement",
                    number, report.round.lastVisibleSeconds());
        }
        Bench.log("scoring instances stopped");
        long likely = report.round.evaluated().likely();
        report.produceSeconds = BareProduce.run(infra.bootstrapServers(), likely, number, drawDate);
        report.assessSeconds = assessBaseline(n, k, heapMb, drawDate, drawnAt, cutoff);
        report.loadAfter = load();
        report.print(System.out);
        System.exit(0);
    }

    private static List<Map<Integer, InstanceLog.Evaluation>> evaluations(ScoringInstances instances, String number) {
        String roundKey = ca.eeradar.scoring.evaluation.EvaluationRequest.roundKey(number, 1);
        List<Map<Integer, InstanceLog.Evaluation>> all = new ArrayList<>();
        instances.all().forEach(i -> all.add(i.log().evaluations(roundKey)));
        return all;
    }

    /** Runs {@link AssessBaseline} in a JVM of its own, echoing its output, and answers its median pass in seconds. */
    private static double assessBaseline(
            long n, int threads, int heapMb, LocalDate drawDate, Instant drawnAt, int cutoff)
            throws IOException, InterruptedException {
        int mb = (int) Math.max(heapMb, 1024 + n * BYTES_PER_PROFILE / (1 << 20));
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+UseParallelGC",
                        "-Xms" + mb + "m",
                        "-Xmx" + mb + "m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        AssessBaseline.class.getName(),
                        String.valueOf(n),
                        String.valueOf(threads),
                        drawDate.toString(),
                        drawnAt.toString(),
                        String.valueOf(cutoff))
                .redirectErrorStream(true)
                .start();
        double seconds = Double.NaN;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(AssessBaseline.RESULT_PREFIX)) {
                    seconds = Double.parseDouble(line.substring(AssessBaseline.RESULT_PREFIX.length()));
                } else {
                    System.out.println(line);
                }
            }
        } finally {
            // Generating and packing the profiles again takes about a minute per million on this machine.
            if (!p.waitFor(Math.max(10, 3 * n / 1_000_000), TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        }
        if (Double.isNaN(seconds)) {
            throw new IllegalStateException("the assess baseline printed no result (exit " + p.exitValue() + ")");
        }
        return seconds;
    }

    static int heapMb(long n, int k) {
        String fixed = System.getenv("BENCH_HEAP_MB");
        if (fixed != null && !fixed.isBlank()) {
            return Integer.parseInt(fixed.trim());
        }
        return (int) (1024 + n * BYTES_PER_PROFILE / k / (1 << 20));
    }

    /** The load average (1, 5, 15 min): the broker and other builds share the machine. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
