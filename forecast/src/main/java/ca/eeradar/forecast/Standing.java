package ca.eeradar.forecast;

import ca.eeradar.contracts.rounds.RoundStream;
import java.util.Set;

/** A candidate on one day: the CRS score and the streams whose rounds may invite them. */
public record Standing(int score, Set<RoundStream> streams) {
    public Standing {
        streams = Set.copyOf(streams);
    }
}
