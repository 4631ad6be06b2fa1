package ca.eeradar.benchmarks;

import ca.eeradar.contracts.rounds.RoundStream;
import ca.eeradar.forecast.CandidateTimeline;
import ca.eeradar.forecast.CandidateType;
import ca.eeradar.forecast.ForecastModel;
import ca.eeradar.forecast.InvitationForecaster;
import ca.eeradar.forecast.RoundHistory;
import ca.eeradar.forecast.Standing;
import ca.eeradar.forecast.backtest.FeedRounds;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The invitation forecast on ONE thread, on the bundled feed's 438 rounds (run from the repository root).
 * {@code forecast}: one candidate's full forecast (three horizons, the 50% date, per-stream 90-day probabilities)
 * from a forecaster already built for the day, one op = one candidate of 4,096 with a score change (a birthday)
 * on a random day and a random expiry. {@code buildForecaster}: what each new round costs before the candidates,
 * the stream fits and the walk-forward calibration from scratch (µs per op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class ForecastBenchmark {
    private static final LocalDate AS_OF = LocalDate.of(2026, 8, 20);

    private RoundHistory history;
    private InvitationForecaster forecaster;
    private CandidateTimeline[] candidates;
    private LocalDate[] expiries;
    private int next;

    @Setup
    public void candidates() throws IOException {
        history = FeedRounds.read(Path.of("ingest-service/src/main/resources/feed/ee_rounds_123_en.json"));
        forecaster = new ForecastModel(history).asOf(AS_OF);
        Random random = new Random(42);
        candidates = new CandidateTimeline[4096];
        expiries = new LocalDate[candidates.length];
        CandidateType[] types = CandidateType.values();
        for (int i = 0; i < candidates.length; i++) {
            Set<RoundStream> streams = types[random.nextInt(types.length)].streams;
            int score = 380 + random.nextInt(240);
            Standing before = new Standing(score, streams);
            Standing after = new Standing(score - 5, streams);
            LocalDate birthday = AS_OF.plusDays(1 + random.nextInt(365));
            candidates[i] = date -> date.isBefore(birthday) ? before : after;
            expiries[i] = AS_OF.plusDays(1 + random.nextInt(365));
        }
        System.gc();
    }

    /**
     * CPU time per forecast of this thread (ThreadMXBean), for a machine shared with other work where JMH's wall
     * time counts the waits for a core: {@code java -cp benchmarks/target/benchmarks.jar
     * ca.eeradar.benchmarks.ForecastBenchmark [rounds of 4,096]}.
     */
    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ForecastBenchmark benchmark = new ForecastBenchmark();
        benchmark.candidates();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        int n = benchmark.candidates.length;
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += benchmark.forecast().hashCode();
            }
            long nanos = cpu.getCurrentThreadCpuTime() - start;
            if (round >= rounds - 5) { // the last five, after ~{rounds - 5} x 4,096 forecasts of warm-up
                System.out.printf("round %d: %.2f us CPU per forecast%n", round, nanos / 1e3 / n);
            }
        }
        System.out.println(sink == 42 ? "" : "(done)");
    }

    @Benchmark
    public Object forecast() {
        int i = next++ & (candidates.length - 1);
        return forecaster.forecast(candidates[i], expiries[i]);
    }

    @Benchmark
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 5)
    @Fork(1)
    public Object buildForecaster() {
        return new ForecastModel(history).asOf(AS_OF);
    }
}
