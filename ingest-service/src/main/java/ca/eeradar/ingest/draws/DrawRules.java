package ca.eeradar.ingest.draws;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.rules.RoundShape;
import ca.eeradar.kit.Problem.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What a round must satisfy before it is recorded, whichever way it came in (feed or API): the shape every
 * reader of a round checks ({@link RoundShape}), plus what only holds on the day ingest accepts it (nothing
 * in the future). Field names are those of the draw (schema draw.v1), so an API client sees exactly which
 * field to fix.
 */
public final class DrawRules {
    /** Clocks of IRCC's servers and ours are not the same clock: a time a few minutes ahead is not "the future". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private DrawRules() {}

    public static List<FieldError> check(Draw draw, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        for (RoundShape.Violation v : RoundShape.violations(draw)) {
            errors.add(new FieldError(v.field(), v.message()));
        }
        // UTC is ahead of Ottawa, so a round dated "today" in Ottawa is never after today in UTC.
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        Instant latest = now.plus(CLOCK_SKEW);
        if (draw.date() != null && draw.date().isAfter(today)) {
            errors.add(new FieldError("date", draw.date() + " is in the future (today is " + today + ")"));
        }
        if (draw.drawnAt() != null && draw.drawnAt().isAfter(latest)) {
            errors.add(new FieldError("drawnAt", draw.drawnAt() + " is in the future"));
        }
        if (draw.tieBreakAt() != null) {
            if (draw.tieBreakAt().isAfter(latest)) {
                errors.add(new FieldError("tieBreakAt", draw.tieBreakAt() + " is in the future"));
            } else if (draw.drawnAt() != null && draw.tieBreakAt().isAfter(draw.drawnAt())) {
                // The tie-break is the submission time of a profile that was already in the pool when the round ran.
                errors.add(new FieldError("tieBreakAt", "is after the round ran (" + draw.drawnAt() + ")"));
            }
        }
        if (draw.pool() != null
                && draw.pool().asOf() != null
                && draw.pool().asOf().isAfter(today)) {
            errors.add(new FieldError("pool.asOf", draw.pool().asOf() + " is in the future"));
        }
        return errors;
    }
}
