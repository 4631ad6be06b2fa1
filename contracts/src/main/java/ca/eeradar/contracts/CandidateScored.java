package ca.eeradar.contracts;

import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A candidate's score as of a date. Candidates appear by opaque id only: no date of birth, name,
 * test result or other personal data ever goes into an event.
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
        List<TimelineEntry> timeline,
        List<String> warnings,
        Instant scoredAt) {

    public record Sections(int core, int spouse, int transferability, int additional) {}

    public record CategoryEligibility(Category category, String version) {}

    public record TimelineEntry(LocalDate date, String change, int total) {}
}
