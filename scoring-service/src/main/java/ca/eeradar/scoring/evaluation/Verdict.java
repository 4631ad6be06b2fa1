package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.InvitationLikely;

/**
 * One candidate against one round, as of the round's date: the score then, whether they were in
 * the pool and eligible (and if not, why), and whether they would have been invited.
 */
public record Verdict(
        int score,
        String rulesVersion,
        boolean inPool,
        boolean eligible,
        boolean likely,
        Reason reason,
        InvitationLikely.TieBreak tieBreak,
        String basis) {

    /** Why a candidate is not likely; LIKELY when they are. */
    public enum Reason {
        LIKELY,
        SUBMITTED_AFTER_DRAW,
        PROFILE_EXPIRED,
        PROFILE_NOT_VALID_ON_DRAW_DATE,
        NO_NOMINATION_BY_DRAW_DATE,
        PROGRAM_NOT_MET,
        CATEGORY_NOT_MET,
        BELOW_CUTOFF,
        TIE_BREAK_LOST
    }
}
