package ca.eeradar.scoring.profiles;

import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.crs.Assessment;
import ca.eeradar.crs.ScoreReport;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * The score summary a candidate's events and answers carry, built from the engine's report. Only
 * totals, rule version, programs, categories and dated totals: never the date of birth, the test
 * results or any other input of the profile.
 */
public final class ScoreSummaries {
    private ScoreSummaries() {}

    public static CandidateScored of(String candidateId, long version, ScoreReport r, Instant scoredAt) {
        List<Program> programs = r.eligibility() == null || r.eligibility().programs() == null
                ? List.of()
                : r.eligibility().programs().stream()
                        .map(p -> Program.valueOf(p.name()))
                        .toList();
        List<CandidateScored.CategoryEligibility> categories =
                r.eligibility() == null || r.eligibility().categories() == null
                        ? List.of()
                        : r.eligibility().categories().stream()
                                .map(c -> new CandidateScored.CategoryEligibility(
                                        Category.valueOf(c.category().name()), c.version()))
                                .toList();
        List<CandidateScored.TimelineEntry> timeline = r.timeline() == null
                ? List.of()
                : r.timeline().stream()
                        .map(t -> new CandidateScored.TimelineEntry(t.date(), t.change(), t.total()))
                        .toList();
        return new CandidateScored(
                candidateId,
                version,
                r.asOf(),
                r.total(),
                new CandidateScored.Sections(
                        r.core() == null ? 0 : r.core().subtotal(),
                        r.spouse() == null ? 0 : r.spouse().subtotal(),
                        r.transferability() == null ? 0 : r.transferability().subtotal(),
                        r.additional() == null ? 0 : r.additional().subtotal()),
                r.rulesVersion(),
                programs,
                categories,
                timeline,
                r.warnings() == null ? List.of() : r.warnings(),
                scoredAt);
    }

    /**
     * What must stay equal from one day to the next for the stored score not to have "changed":
     * total, rule set, validity, programs, categories, nomination. The daily re-score compares it.
     */
    public static String fingerprint(Assessment a) {
        TreeSet<String> programs = new TreeSet<>();
        for (Program p : a.programs()) {
            programs.add(p.name());
        }
        StringBuilder categories = new StringBuilder();
        for (Category c : a.categories()) {
            categories.append(c.ordinal()).append(',');
        }
        return a.total() + "|" + a.rulesVersion() + "|" + a.valid() + "|" + String.join(",", programs) + "|"
                + categories + "|" + a.nominated();
    }
}
