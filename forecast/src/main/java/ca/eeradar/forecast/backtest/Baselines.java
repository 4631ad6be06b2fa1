package ca.eeradar.forecast.backtest;

import ca.eeradar.contracts.rounds.RoundStream;
import ca.eeradar.forecast.PastRound;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The naive forecasts the model must beat, exactly as docs/forecast.md defines them. */
final class Baselines {
    private Baselines() {}

    /** LAST: 1 if the score reaches the cutoff of the most recent eligible round before t, else 0 (also with none). */
    static double last(List<PastRound> known, Set<RoundStream> streams, int score) {
        for (int i = known.size() - 1; i >= 0; i--) {
            PastRound round = known.get(i);
            if (streams.contains(round.stream())) {
                return score >= round.cutoff() ? 1 : 0;
            }
        }
        return 0;
    }

    /**
     * MIN-LAST: 1 if the score reaches the lowest of the most recent cutoffs of the eligible streams that drew in
     * [t - 365 days, t), else 0 (also when none did).
     */
    static double minLast(List<PastRound> known, LocalDate t, Set<RoundStream> streams, int score) {
        LocalDate from = t.minusDays(365);
        Map<RoundStream, Integer> latest = new HashMap<>();
        for (int i = known.size() - 1; i >= 0 && !known.get(i).date().isBefore(from); i--) {
            PastRound round = known.get(i);
            if (streams.contains(round.stream())) {
                latest.putIfAbsent(round.stream(), round.cutoff());
            }
        }
        int lowest = latest.values().stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
        return score >= lowest ? 1 : 0;
    }

    /**
     * BASE: the share of the grid's earlier as-of dates t' with t - 730 days <= t' <= t - H at which the same
     * candidate was invited within H; 0.5 when there is none.
     *
     * @param gridOutcomes the outcome of the same candidate and horizon at each grid date, in grid order
     */
    static double base(List<LocalDate> grid, boolean[] gridOutcomes, LocalDate t, int days) {
        LocalDate from = t.minusDays(730);
        LocalDate to = t.minusDays(days);
        int n = 0;
        int invited = 0;
        for (int i = 0; i < grid.size(); i++) {
            LocalDate earlier = grid.get(i);
            if (!earlier.isBefore(from) && !earlier.isAfter(to)) {
                n++;
                invited += gridOutcomes[i] ? 1 : 0;
            }
        }
        return n == 0 ? 0.5 : (double) invited / n;
    }
}
