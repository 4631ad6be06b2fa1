package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.Draw;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Pool membership for a round: the profile was submitted before the round ran and had not expired
 * (an Express Entry profile expires 12 months after its submission: docs/crs-rules.md, "The pool of a
 * round and its tie-break").
 */
public final class Pool {
    private Pool() {}

    /**
     * When the round ran. The feed's drawDateTime is free text and may be missing: then the start
     * of the draw date in Ottawa, so that a profile of unknown order relative to the round is never
     * counted in (a false "likely" is worse than a missed one).
     */
    public static Instant ranAt(Draw draw, ZoneId zone) {
        return draw.drawnAt() != null
                ? draw.drawnAt()
                : draw.date().atStartOfDay(zone).toInstant();
    }

    public static boolean submittedBefore(Instant submittedAt, Instant ranAt) {
        return submittedAt.isBefore(ranAt);
    }

    /** Expiry is calendar-based: 12 months after the submission instant (UTC calendar). */
    public static boolean expired(Instant submittedAt, Instant ranAt) {
        Instant expiresAt = submittedAt.atOffset(ZoneOffset.UTC).plusMonths(12).toInstant();
        return !ranAt.isBefore(expiresAt);
    }
}
