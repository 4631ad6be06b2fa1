package ca.eeradar.query.candidates;

import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.rules.Program;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/candidates/{id}/status}: the latest published score (as of the 1st of a month) and
 * where it stands. No timeline of coming changes: its dates give the birthday and the test dates, so
 * it is not on the topics this read model is built from; a client with the profile writer's role
 * reads it from scoring-service ({@code GET /api/v1/candidates/{id}/timeline}).
 */
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
        Instant scoredAt,
        /** The latest invitation forecast scoring-service published; null until there is one. */
        StoredForecast forecast) {

    /** basis: "GENERAL", "PROGRAM:CEC", "CATEGORY:STEM/2026-Version 1"; lastDraw and margin null until such a round exists. */
    public record Eligibility(String basis, LastDraw lastDraw, Integer margin) {}

    public record LastDraw(String number, LocalDate date, String name, int crsCutoff) {}
}
