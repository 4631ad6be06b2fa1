package ca.eeradar.forecast.backtest;

import ca.eeradar.forecast.Horizon;
import ca.eeradar.forecast.ModelSettings;
import ca.eeradar.forecast.RoundHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The walk-forward backtest of the invitation forecast on a rounds feed (README, "Forecast backtest"). Prints, per
 * horizon, Brier score, log loss and expected calibration error of the model and the three baselines, the model's
 * Brier score by year, and writes the reliability diagram.
 *
 * <p>Arguments: [feed.json [diagram.png]], by default the bundled feed and docs/forecast-reliability.png.
 */
public final class Backtest {
    private Backtest() {}

    public static void main(String[] args) throws IOException {
        Path feed = Path.of(args.length > 0 ? args[0] : "ingest-service/src/main/resources/feed/ee_rounds_123_en.json");
        Path png = Path.of(args.length > 1 ? args[1] : "docs/forecast-reliability.png");
        ModelSettings settings = settings();
        RoundHistory history = FeedRounds.read(feed);
        long start = System.nanoTime();
        BacktestRun run = BacktestRun.run(history, settings);
        System.out.printf(
                "Forecast backtest (%s, %s): %d rounds up to %s, %d as-of dates %s..%s, %d candidates each, "
                        + "%.1f s%n",
                ModelSettings.MODEL_VERSION,
                settings,
                history.all().size(),
                history.last(),
                run.grid.size(),
                run.grid.get(0),
                run.grid.get(run.grid.size() - 1),
                run.perDate,
                (System.nanoTime() - start) / 1e9);
        System.out.println();
        System.out.println("| H | forecaster | Brier | log loss | ECE | Brier / best baseline |");
        System.out.println("|---|---|---|---|---|---|");
        Map<Horizon, double[][]> bins = new EnumMap<>(Horizon.class);
        for (Horizon h : Horizon.values()) {
            double[][] p = run.predictions.get(h);
            boolean[] y = run.invited.get(h);
            double bestBaseline = Double.MAX_VALUE;
            for (int f = 1; f < p.length; f++) {
                bestBaseline = Math.min(bestBaseline, Metrics.brier(p[f], y));
            }
            for (int f = 0; f < p.length; f++) {
                double brier = Metrics.brier(p[f], y);
                System.out.printf(
                        "| %d | %s | %.4f | %.4f | %.4f | %.2f |%n",
                        h.days,
                        BacktestRun.FORECASTERS[f],
                        brier,
                        Metrics.logLoss(p[f], y),
                        Metrics.ece(p[f], y),
                        brier / bestBaseline);
            }
            bins.put(h, Metrics.reliability(p[0], y));
        }
        System.out.println();
        reliabilityTable(bins);
        System.out.println();
        withoutThePandemic(run);
        System.out.println();
        byYear(run);
        ReliabilityDiagram.write(
                bins,
                "model, " + run.grid.get(0) + " .. " + run.grid.get(run.grid.size() - 1) + ", " + run.grid.size()
                        + " as-of dates x " + run.perDate + " candidates",
                png);
        System.out.println();
        System.out.println("reliability diagram: " + png);
    }

    /** The diagram's numbers: per bin, the mean prediction, the observed frequency and the count, per horizon. */
    private static void reliabilityTable(Map<Horizon, double[][]> bins) {
        System.out.println("| bin | "
                + String.join(
                        " | ",
                        Arrays.stream(Horizon.values())
                                .map(h -> "H=" + h.days + " predicted / observed (n)")
                                .toArray(String[]::new))
                + " |");
        System.out.println("|---|---|---|---|");
        for (int b = 0; b < Metrics.BINS; b++) {
            StringBuilder row = new StringBuilder(
                    String.format("| [%.1f, %.1f%s |", b / 10.0, (b + 1) / 10.0, b == Metrics.BINS - 1 ? "]" : ")"));
            for (Horizon h : Horizon.values()) {
                double[] bin = bins.get(h)[b];
                row.append(bin[2] == 0 ? " - |" : String.format(" %.3f / %.3f (%d) |", bin[0], bin[1], (int) bin[2]));
            }
            System.out.println(row);
        }
    }

    /**
     * The model outside March 2020 - June 2022, when IRCC paused general rounds (March - July 2020, then
     * December 2020 - July 2022), drew CEC and PNP alone, then stopped CEC too (September 2021): decisions no
     * round history announced. Shown beside the full table, never instead of it.
     */
    private static void withoutThePandemic(BacktestRun run) {
        int[] before = run.range(BacktestRun.FIRST, PANDEMIC_FROM);
        int[] after = run.range(PANDEMIC_TO, LocalDate.MAX);
        System.out.println("| H | model Brier, as-of dates outside " + PANDEMIC_FROM + " .. " + PANDEMIC_TO
                + " | best baseline | ratio | model ECE |");
        System.out.println("|---|---|---|---|---|");
        for (Horizon h : Horizon.values()) {
            boolean[] y = concat(run.invited.get(h), before, after, boolean[]::new);
            double[][] p = run.predictions.get(h);
            double best = Double.MAX_VALUE;
            for (int f = 1; f < p.length; f++) {
                best = Math.min(best, Metrics.brier(concat(p[f], before, after, double[]::new), y));
            }
            double[] model = concat(p[0], before, after, double[]::new);
            System.out.printf(
                    "| %d | %.4f | %.4f | %.2f | %.4f |%n",
                    h.days, Metrics.brier(model, y), best, Metrics.brier(model, y) / best, Metrics.ece(model, y));
        }
    }

    private static final LocalDate PANDEMIC_FROM = LocalDate.of(2020, 3, 1);
    private static final LocalDate PANDEMIC_TO = LocalDate.of(2022, 7, 1);

    /** Entries a[0]..a[1] then b[0]..b[1] of {@code all}, for any primitive array type. */
    private static <A> A concat(A all, int[] a, int[] b, IntFunction<A> newArray) {
        A result = newArray.apply((a[1] - a[0]) + (b[1] - b[0]));
        System.arraycopy(all, a[0], result, 0, a[1] - a[0]);
        System.arraycopy(all, b[0], result, a[1] - a[0], b[1] - b[0]);
        return result;
    }

    /** Brier score per year of as-of dates: where the model wins and where history misled it. */
    private static void byYear(BacktestRun run) {
        System.out.println("| year | H | model Brier | LAST | MIN-LAST | BASE | model ECE |");
        System.out.println("|---|---|---|---|---|---|---|");
        int firstYear = run.grid.get(0).getYear();
        int lastYear = run.grid.get(run.grid.size() - 1).getYear();
        for (int year = firstYear; year <= lastYear; year++) {
            int[] r = run.range(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
            if (r[0] == r[1]) {
                continue;
            }
            for (Horizon h : new Horizon[] {Horizon.D90}) {
                boolean[] y = Arrays.copyOfRange(run.invited.get(h), r[0], r[1]);
                double[][] p = run.predictions.get(h);
                System.out.printf(
                        "| %d | %d | %.4f | %.4f | %.4f | %.4f | %.4f |%n",
                        year,
                        h.days,
                        Metrics.brier(Arrays.copyOfRange(p[0], r[0], r[1]), y),
                        Metrics.brier(Arrays.copyOfRange(p[1], r[0], r[1]), y),
                        Metrics.brier(Arrays.copyOfRange(p[2], r[0], r[1]), y),
                        Metrics.brier(Arrays.copyOfRange(p[3], r[0], r[1]), y),
                        Metrics.ece(Arrays.copyOfRange(p[0], r[0], r[1]), y));
            }
        }
    }

    /** The default settings, each overridable for experiments (-Dforecast.rateHalfLifeDays=...). */
    private static ModelSettings settings() {
        ModelSettings d = ModelSettings.DEFAULT;
        return new ModelSettings(
                Double.parseDouble(System.getProperty("forecast.rateHalfLifeDays", "" + d.rateHalfLifeDays())),
                Double.parseDouble(System.getProperty("forecast.cutoffHalfLifeDays", "" + d.cutoffHalfLifeDays())),
                Integer.getInteger("forecast.dormantAfterDays", d.dormantAfterDays()),
                Double.parseDouble(System.getProperty("forecast.restartRoundsPerDay", "" + d.restartRoundsPerDay())),
                Double.parseDouble(System.getProperty("forecast.cutoffShiftSd", "" + d.cutoffShiftSd())),
                Double.parseDouble(
                        System.getProperty("forecast.calibrationHalfLifeDays", "" + d.calibrationHalfLifeDays())));
    }
}
