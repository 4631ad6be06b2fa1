package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.InvitationLikely.TieBreak;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.crs.Assessment;
import ca.eeradar.scoring.evaluation.Verdict.Reason;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Who a round would have invited, for one round prepared once and applied to every
 * stored candidate. Pure: the draw evaluation and the backtest use the same rules.
 *
 * <ul>
 *   <li>in the pool: submitted before the round ran, not expired (12 months after submission);</li>
 *   <li>eligible: PNP rounds need a nomination dated on or before the draw; program rounds need that
 *       program as of the draw date; category rounds one of {@code eligiblePrograms} AND the category
 *       rule of that version; general rounds any program. A profile that does not meet Express
 *       Entry's minimum requirements on the draw date (e.g. expired language test) is never eligible;</li>
 *   <li>likely: score above the cutoff, or equal to it and submitted on or before the tie-break
 *       instant (the tie-break rule since 2017-06-06, docs/crs-rules.md "The pool of a round and its tie-break"); equal with no
 *       published tie-break (rounds #1-#76) counts, as UNKNOWN.</li>
 * </ul>
 */
public final class RoundRules {
    /** The programs of a category round when the draw does not list them (the rule since 2023). */
    private static final List<Program> DEFAULT_CATEGORY_PROGRAMS = List.of(Program.CEC, Program.FSW, Program.FST);

    private final Draw draw;
    private final Instant ranAt;
    private final String basis;
    private final Program program;
    private final Category category;
    private final Program[] categoryPrograms;

    public RoundRules(Draw draw, ZoneId zone) {
        this.draw = draw;
        this.ranAt = Pool.ranAt(draw, zone);
        switch (draw.roundType()) {
            case PROGRAM -> {
                program = Program.valueOf(draw.program().name());
                category = null;
                categoryPrograms = new Program[0];
                basis = "PROGRAM:" + draw.program().name();
            }
            case CATEGORY -> {
                program = null;
                category = Category.valueOf(draw.category().name());
                List<Program> listed = draw.eligiblePrograms() == null
                                || draw.eligiblePrograms().isEmpty()
                        ? DEFAULT_CATEGORY_PROGRAMS
                        : draw.eligiblePrograms();
                categoryPrograms =
                        listed.stream().map(p -> Program.valueOf(p.name())).toArray(Program[]::new);
                // The contract's basis names the round's category version, or none when the round names none.
                basis = "CATEGORY:" + draw.category().name()
                        + (draw.categoryVersion() == null ? "" : "/" + draw.categoryVersion());
            }
            default -> {
                program = null;
                category = null;
                categoryPrograms = new Program[0];
                basis = "GENERAL";
            }
        }
    }

    public Draw draw() {
        return draw;
    }

    public Instant ranAt() {
        return ranAt;
    }

    public String basis() {
        return basis;
    }

    /** Cheap check before parsing the profile: why the candidate is not in the pool, or null. */
    public Reason outsidePool(Instant submittedAt) {
        if (!Pool.submittedBefore(submittedAt, ranAt)) {
            return Reason.SUBMITTED_AFTER_DRAW;
        }
        if (Pool.expired(submittedAt, ranAt)) {
            return Reason.PROFILE_EXPIRED;
        }
        return null;
    }

    /** The verdict for a candidate in the pool, from the engine's assessment as of the draw date. */
    public Verdict judge(Instant submittedAt, Assessment a) {
        Reason outside = outsidePool(submittedAt);
        if (outside != null) {
            return new Verdict(a.total(), a.rulesVersion(), false, false, false, outside, null, basis);
        }
        Reason ineligible = ineligibility(a);
        if (ineligible != null) {
            return new Verdict(a.total(), a.rulesVersion(), true, false, false, ineligible, null, basis);
        }
        int cutoff = draw.crsCutoff();
        if (a.total() > cutoff) {
            return new Verdict(
                    a.total(), a.rulesVersion(), true, true, true, Reason.LIKELY, TieBreak.NOT_NEEDED, basis);
        }
        if (a.total() < cutoff) {
            return new Verdict(a.total(), a.rulesVersion(), true, true, false, Reason.BELOW_CUTOFF, null, basis);
        }
        if (draw.tieBreakAt() == null) {
            return new Verdict(a.total(), a.rulesVersion(), true, true, true, Reason.LIKELY, TieBreak.UNKNOWN, basis);
        }
        return !submittedAt.isAfter(draw.tieBreakAt())
                ? new Verdict(a.total(), a.rulesVersion(), true, true, true, Reason.LIKELY, TieBreak.WON, basis)
                : new Verdict(a.total(), a.rulesVersion(), true, true, false, Reason.TIE_BREAK_LOST, null, basis);
    }

    private Reason ineligibility(Assessment a) {
        if (!a.valid()) {
            return Reason.PROFILE_NOT_VALID_ON_DRAW_DATE;
        }
        switch (draw.roundType()) {
            case PROGRAM -> {
                if (program == Program.PNP && !a.nominated()) {
                    return Reason.NO_NOMINATION_BY_DRAW_DATE;
                }
                // PNP: the engine also requires one federal program (an Express Entry nominee must meet one).
                return a.meetsProgram(program) ? null : Reason.PROGRAM_NOT_MET;
            }
            case CATEGORY -> {
                boolean anyProgram = false;
                for (Program p : categoryPrograms) {
                    anyProgram |= a.meetsProgram(p);
                }
                if (!anyProgram) {
                    return Reason.PROGRAM_NOT_MET;
                }
                return a.meetsCategory(category, draw.categoryVersion()) ? null : Reason.CATEGORY_NOT_MET;
            }
            default -> {
                return a.programs().isEmpty() && !a.meetsProgram(Program.PNP) ? Reason.PROGRAM_NOT_MET : null;
            }
        }
    }
}
