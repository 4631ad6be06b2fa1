package ca.eeradar.forecast;

import ca.eeradar.contracts.rounds.RoundStream;
import java.time.LocalDate;
import java.util.Set;

/**
 * A candidate's standing on each future date, so the forecast sees a birthday that costs points, a language test
 * that expires, or a year of Canadian experience that opens CEC on the day it happens. A stored profile answers from
 * its date-aware score timeline; a hypothetical candidate is {@link #fixed}. Returning the same instance for
 * consecutive days lets the model reuse that day's sum.
 */
@FunctionalInterface
public interface CandidateTimeline {
    Standing on(LocalDate date);

    static CandidateTimeline fixed(int score, Set<RoundStream> streams) {
        Standing standing = new Standing(score, streams);
        return date -> standing;
    }
}
