package ca.eeradar.ingest.draws;

import ca.eeradar.contracts.Draw;
import ca.eeradar.ingest.feed.IrccFeedParser;
import ca.eeradar.kit.Problem.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What a round must satisfy before it is recorded, whichever way it came in (feed or API). Field names are
 * those of the draw (schema draw.v1), so an API client sees exactly which field to fix.
 */
public final class DrawRules {
    public static final int MAX_CRS = 1200;
    /** Clocks of IRCC's servers and ours are not the same clock: a time a few minutes ahead is not "the future". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private DrawRules() {
    }

    public static List<FieldError> check(Draw draw, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        // UTC is ahead of Ottawa, so a round dated "today" in Ottawa is never after today in UTC.
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        Instant latest = now.plus(CLOCK_SKEW);
        if (draw.number() == null || !IrccFeedParser.NUMBER.matcher(draw.number()).matches()) {
            errors.add(new FieldError("number", "must be a round number such as 392 or 91a"));
        }
        if (draw.date() == null) {
            errors.add(new FieldError("date", "is required"));
        } else if (draw.date().isAfter(today)) {
            errors.add(new FieldError("date", draw.date() + " is in the future (today is " + today + ")"));
        }
        if (draw.drawnAt() != null && draw.drawnAt().isAfter(latest)) {
            errors.add(new FieldError("drawnAt", draw.drawnAt() + " is in the future"));
        }
        if (draw.name() == null || draw.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        }
        if (draw.invitations() < 1) {
            errors.add(new FieldError("invitations", "must be at least 1, was " + draw.invitations()));
        }
        if (draw.crsCutoff() < 0 || draw.crsCutoff() > MAX_CRS) {
            errors.add(new FieldError("crsCutoff", "must be between 0 and " + MAX_CRS + ", was " + draw.crsCutoff()));
        }
        if (draw.tieBreakAt() != null) {
            if (draw.tieBreakAt().isAfter(latest)) {
                errors.add(new FieldError("tieBreakAt", draw.tieBreakAt() + " is in the future"));
            } else if (draw.drawnAt() != null && draw.tieBreakAt().isAfter(draw.drawnAt())) {
                // The tie-break is the submission time of a profile that was already in the pool when the round ran.
                errors.add(new FieldError("tieBreakAt", "is after the round ran (" + draw.drawnAt() + ")"));
            }
        }
        if (draw.eligiblePrograms() == null) {
            errors.add(new FieldError("eligiblePrograms", "is required"));
        } else if (new HashSet<>(draw.eligiblePrograms()).size() != draw.eligiblePrograms().size()) {
            errors.add(new FieldError("eligiblePrograms", "names a program twice"));
        }
        if (draw.pool() != null) {
            pool(draw.pool(), today, errors);
        }
        return errors;
    }

    private static void pool(Draw.Pool pool, LocalDate today, List<FieldError> errors) {
        if (pool.asOf() == null) {
            errors.add(new FieldError("pool.asOf", "is required"));
        } else if (pool.asOf().isAfter(today)) {
            errors.add(new FieldError("pool.asOf", pool.asOf() + " is in the future"));
        }
        if (pool.bands() == null || pool.bands().isEmpty()) {
            errors.add(new FieldError("pool.bands", "is required"));
            return;
        }
        long sum = 0;
        for (int i = 0; i < pool.bands().size(); i++) {
            Draw.Band band = pool.bands().get(i);
            String at = "pool.bands[" + i + "]";
            if (band.min() < 0 || band.max() > MAX_CRS || band.min() > band.max()) {
                errors.add(new FieldError(at, "must satisfy 0 <= min <= max <= " + MAX_CRS));
            }
            if (band.count() < 0) {
                errors.add(new FieldError(at + ".count", "must not be negative"));
            }
            sum += band.count();
            for (int j = 0; j < i; j++) {
                Draw.Band other = pool.bands().get(j);
                if (band.min() <= other.max() && other.min() <= band.max()) {
                    errors.add(new FieldError(at, "overlaps pool.bands[" + j + "]: bands never overlap"));
                }
            }
        }
        if (pool.total() != sum) {
            errors.add(new FieldError("pool.total", "must be the sum of the bands (" + sum + "), was " + pool.total()));
        }
    }
}
