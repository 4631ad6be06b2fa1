package ca.eeradar.forecast.backtest;

import ca.eeradar.forecast.CandidateTimeline;
import ca.eeradar.forecast.CandidateType;
import ca.eeradar.forecast.Forecast;
import ca.eeradar.forecast.ForecastModel;
import ca.eeradar.forecast.Horizon;
import ca.eeradar.forecast.InvitationForecaster;
import ca.eeradar.forecast.ModelSettings;
import ca.eeradar.forecast.Outcome;
import ca.eeradar.forecast.PastRound;
import ca.eeradar.forecast.RoundHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The walk-forward grid of the backtest (docs/forecast.md): as-of dates t = 2019-01-02 and every 14 days while t + 180 days <= the last
 * round; at each, the model is built on the rounds before t only, and each reference candidate's forecasts (model
 * and baselines) are set against what happened in (t, t + H]. Entries are ordered by date, type, score.
 */
final class BacktestRun {
    static final LocalDate FIRST = LocalDate.of(2019, 1, 2);
    static final String[] FORECASTERS = {"model", "LAST", "MIN-LAST", "BASE"};

    final List<LocalDate> grid = new ArrayList<>();
    /** Per horizon: predictions by forecaster (FORECASTERS order), and the outcomes. */
    final Map<Horizon, double[][]> predictions = new EnumMap<>(Horizon.class);

    final Map<Horizon, boolean[]> invited = new EnumMap<>(Horizon.class);
    final int perDate;

    private BacktestRun(RoundHistory history, ModelSettings settings) {
        for (LocalDate t = FIRST; !t.plusDays(Horizon.LONGEST).isAfter(history.last()); t = t.plusDays(14)) {
            grid.add(t);
        }
        int[] scores = CandidateType.gridScores();
        perDate = CandidateType.values().length * scores.length;
        int n = grid.size() * perDate;
        for (Horizon h : Horizon.values()) {
            predictions.put(h, new double[FORECASTERS.length][n]);
            invited.put(h, new boolean[n]);
        }
        ForecastModel model = new ForecastModel(history, settings);
        List<PastRound> all = history.all();
        int i = 0;
        for (LocalDate t : grid) {
            // -Dforecast.uncalibrated=true shows what the walk-forward calibration adds
            InvitationForecaster forecaster =
                    Boolean.getBoolean("forecast.uncalibrated") ? model.uncalibratedAsOf(t) : model.asOf(t);
            List<PastRound> known = history.before(t);
            for (CandidateType type : CandidateType.values()) {
                for (int score : scores) {
                    Forecast forecast = forecaster.forecast(CandidateTimeline.fixed(score, type.streams), null);
                    for (Horizon h : Horizon.values()) {
                        double[][] p = predictions.get(h);
                        p[0][i] = forecast.within(h);
                        p[1][i] = Baselines.last(known, type.streams, score);
                        p[2][i] = Baselines.minLast(known, t, type.streams, score);
                        invited.get(h)[i] = Outcome.invited(all, t, h.days, type.streams, score);
                    }
                    i++;
                }
            }
        }
        fillBase();
    }

    static BacktestRun run(RoundHistory history, ModelSettings settings) {
        return new BacktestRun(history, settings);
    }

    /** BASE needs the same candidate's outcomes at earlier grid dates: filled once all outcomes are known. */
    private void fillBase() {
        boolean[] sameCandidate = new boolean[grid.size()];
        for (Horizon h : Horizon.values()) {
            boolean[] y = invited.get(h);
            double[] base = predictions.get(h)[3];
            for (int c = 0; c < perDate; c++) {
                for (int d = 0; d < grid.size(); d++) {
                    sameCandidate[d] = y[d * perDate + c];
                }
                for (int d = 0; d < grid.size(); d++) {
                    base[d * perDate + c] = Baselines.base(grid, sameCandidate, grid.get(d), h.days);
                }
            }
        }
    }

    /** The entries of grid dates in [from, to). */
    int[] range(LocalDate from, LocalDate to) {
        int lo = 0;
        while (lo < grid.size() && grid.get(lo).isBefore(from)) {
            lo++;
        }
        int hi = lo;
        while (hi < grid.size() && grid.get(hi).isBefore(to)) {
            hi++;
        }
        return new int[] {lo * perDate, hi * perDate};
    }
}
