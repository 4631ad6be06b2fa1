package ca.eeradar.forecast;

import ca.eeradar.contracts.rounds.RoundStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What happened: was a fixed score invited by an eligible round dated in (t, t + days]? A tie counts as invited. */
public final class Outcome {
    private Outcome() {}

    public static boolean invited(List<PastRound> rounds, LocalDate t, int days, Set<RoundStream> streams, int score) {
        LocalDate end = t.plusDays(days);
        for (PastRound round : rounds) {
            if (round.date().isAfter(t)
                    && !round.date().isAfter(end)
                    && round.cutoff() <= score
                    && streams.contains(round.stream())) {
                return true;
            }
        }
        return false;
    }
}
