package ca.eeradar.contracts;

import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A candidate's score as of the first day of a month (payload of {@link EventTypes#CANDIDATE_SCORED}, v2).
 * Candidates appear by opaque id only: no date of birth, name, test result or other personal data
 * ever goes into an event, and nothing from which one could be read: {@code asOf} is always the 1st
 * of a month ({@link ca.eeradar.contracts.rules.ScoreMonth}) and there is no timeline of future
 * changes (v1 had one: its "turns N" entries gave the birthday). The timeline is on scoring-service's
 * authenticated API. {@code warnings} only speak of the rules, never of the profile.
 */
public record CandidateScored(
        String candidateId,
        long profileVersion,
        LocalDate asOf,
        int total,
        Sections sections,
        String rulesVersion,
        List<Program> programs,
        List<CategoryEligibility> categories,
        List<String> warnings,
        Instant scoredAt) {

    public record Sections(int core, int spouse, int transferability, int additional) {}

    public record CategoryEligibility(Category category, String version) {}
}
