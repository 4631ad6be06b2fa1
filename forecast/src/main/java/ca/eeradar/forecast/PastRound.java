package ca.eeradar.forecast;

import ca.eeradar.contracts.rounds.RoundStream;
import java.time.LocalDate;
import java.util.Objects;

/** What the forecast needs of one round: when, which stream, and the lowest score invited. */
public record PastRound(LocalDate date, RoundStream stream, int cutoff) {
    public PastRound {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(stream, "stream");
        if (cutoff < 0 || cutoff > Scores.MAX) {
            throw new IllegalArgumentException("cutoff " + cutoff + " outside 0.." + Scores.MAX);
        }
    }
}
