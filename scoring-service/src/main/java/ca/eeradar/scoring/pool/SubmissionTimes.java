package ca.eeradar.scoring.pool;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A profile's submission and expiry instants as epoch nanoseconds: a pool keeps them as two longs
 * per candidate, and a round compares them without building an {@link Instant} or a calendar date per
 * candidate. Nanoseconds, not milliseconds, because a submission instant may carry them and the
 * tie-break compares it with the round's to the nanosecond.
 */
public final class SubmissionTimes {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private SubmissionTimes() {}

    /**
     * When the profile expires: 12 months after its submission instant, on the UTC calendar (an Express
     * Entry profile is valid 12 months: docs/crs-rules.md, "The pool of a round and its tie-break").
     */
    public static Instant expiresAt(Instant submittedAt) {
        return submittedAt.atOffset(ZoneOffset.UTC).plusMonths(12).toInstant();
    }

    /**
     * Exact; throws {@link ArithmeticException} outside the years 1677-2262, which no stored profile
     * reaches (the validator keeps submissions between 2015-01-01 and today).
     */
    public static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    /**
     * For a round's instants: beyond the range, the bound, which compares with every profile's
     * (exact) instant as the real instant would.
     */
    public static long epochNanosSaturated(Instant instant) {
        try {
            return epochNanos(instant);
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
