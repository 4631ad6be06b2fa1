package ca.eeradar.query.candidates;

import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.rules.Program;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/candidates/{id}/status}: the latest score and where it stands. */
public record CandidateStatus(
        String candidateId,
        long profileVersion,
        LocalDate asOf,
        int total,
        CandidateScored.Sections sections,
        String rulesVersion,
        List<Program> programs,
        List<CandidateScored.CategoryEligibility> categories,
        /** For each kind of round the candidate can be invited in: its last round and the margin to its cutoff. */
        List<Eligibility> eligibility,
        RankEstimate rank,
        /** Changes of the score after {@code asOf} (birthdays, expiring tests), as scoring-service announced them. */
        List<CandidateScored.TimelineEntry> timeline,
        Instant scoredAt) {

    /** basis: "GENERAL", "PROGRAM:CEC", "CATEGORY:STEM/2026-Version 1"; lastDraw and margin null until such a round exists. */
    public record Eligibility(String basis, LastDraw lastDraw, Integer margin) {}

    public record LastDraw(String number, LocalDate date, String name, int crsCutoff) {}
}
