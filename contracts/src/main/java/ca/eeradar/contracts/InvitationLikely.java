package ca.eeradar.contracts;

import java.time.Instant;
import java.time.LocalDate;

/** One candidate who would have been invited in a round (schema {@code invitation-likely.v1.schema.json}). */
public record InvitationLikely(
        String drawNumber,
        int drawRevision,
        LocalDate drawDate,
        String candidateId,
        int score,
        int cutoff,
        int margin,
        TieBreak tieBreak,
        /** "PROGRAM:CEC", "CATEGORY:STEM/2025-Version 1", "GENERAL", ... */
        String basis,
        String rulesVersion,
        Instant evaluatedAt) {

    /** NOT_NEEDED: score above the cutoff; WON: at the cutoff and submitted in time; UNKNOWN: at the cutoff, no tie-break published. */
    public enum TieBreak {
        NOT_NEEDED,
        WON,
        UNKNOWN
    }
}
