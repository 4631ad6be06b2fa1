package ca.eeradar.contracts.rules;

import ca.eeradar.contracts.Draw;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What every round must satisfy whoever reads it: ingest before it records a round, scoring and query
 * before they act on a DrawAnnounced or DrawCorrected. Rules that depend on the clock (a date in the
 * future) are not here: they hold when ingest accepts a round, not forever after. Field names are those
 * of schema draw.v1, so a client sees exactly which field to fix.
 */
public final class RoundShape {
    /** One broken rule: the field (a JSON path inside the round) and what it must satisfy. */
    public record Violation(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private RoundShape() {}

    public static List<Violation> violations(Draw draw) {
        List<Violation> out = new ArrayList<>();
        if (!RoundNumber.isValid(draw.number())) {
            out.add(new Violation("number", RoundNumber.DESCRIPTION));
        }
        if (draw.date() == null) {
            out.add(new Violation("date", "is required"));
        }
        if (draw.name() == null || draw.name().isBlank()) {
            out.add(new Violation("name", "is required"));
        }
        if (draw.roundType() == null) {
            out.add(new Violation("roundType", "is required"));
        } else if (draw.roundType() == Draw.RoundType.PROGRAM && draw.program() == null) {
            out.add(new Violation("program", "is required on a PROGRAM round"));
        } else if (draw.roundType() == Draw.RoundType.CATEGORY && draw.category() == null) {
            out.add(new Violation("category", "is required on a CATEGORY round"));
        }
        if (draw.invitations() < 1) {
            out.add(new Violation("invitations", "must be at least 1, was " + draw.invitations()));
        }
        if (!CrsScale.isValid(draw.crsCutoff())) {
            out.add(new Violation("crsCutoff", CrsScale.DESCRIPTION + ", was " + draw.crsCutoff()));
        }
        if (draw.eligiblePrograms() == null) {
            out.add(new Violation("eligiblePrograms", "is required"));
        } else if (new HashSet<>(draw.eligiblePrograms()).size()
                != draw.eligiblePrograms().size()) {
            out.add(new Violation("eligiblePrograms", "names a program twice"));
        }
        if (draw.revision() < 1) {
            out.add(new Violation("revision", "must be at least 1, was " + draw.revision()));
        }
        if (draw.pool() != null) {
            pool(draw.pool(), out);
        }
        return out;
    }

    private static void pool(Draw.Pool pool, List<Violation> out) {
        if (pool.asOf() == null) {
            out.add(new Violation("pool.asOf", "is required"));
        }
        if (pool.bands() == null || pool.bands().isEmpty()) {
            out.add(new Violation("pool.bands", "is required"));
            return;
        }
        long sum = 0;
        for (int i = 0; i < pool.bands().size(); i++) {
            Draw.Band band = pool.bands().get(i);
            String at = "pool.bands[" + i + "]";
            if (band.min() < CrsScale.MIN || band.max() > CrsScale.MAX || band.min() > band.max()) {
                out.add(new Violation(at, "must satisfy " + CrsScale.MIN + " <= min <= max <= " + CrsScale.MAX));
            }
            if (band.count() < 0) {
                out.add(new Violation(at + ".count", "must not be negative"));
            }
            sum += band.count();
            for (int j = 0; j < i; j++) {
                Draw.Band other = pool.bands().get(j);
                if (band.min() <= other.max() && other.min() <= band.max()) {
                    out.add(new Violation(at, "overlaps pool.bands[" + j + "]: bands never overlap"));
                }
            }
        }
        if (pool.total() != sum) {
            out.add(new Violation("pool.total", "must be the sum of the bands (" + sum + "), was " + pool.total()));
        }
    }
}
