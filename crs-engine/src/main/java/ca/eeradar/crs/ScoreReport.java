package ca.eeradar.crs;

import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.time.LocalDate;
import java.util.List;

/** The full answer of {@link CrsEngine#score}; mirrors the JSON answer field by field. */
public record ScoreReport(
        LocalDate asOf,
        String rulesVersion,
        boolean scoredWithSpouse,
        int total,
        Core core,
        SpouseFactors spouse,
        Transferability transferability,
        Additional additional,
        Languages languages,
        Eligibility eligibility,
        List<TimelineEntry> timeline,
        List<String> warnings) {

    /** A. Core / human capital (docs/crs-rules.md#core). */
    public record Core(int age, int education, int firstLanguage, int secondLanguage, int canadianWork, int subtotal) {}

    /** B. Spouse factors (docs/crs-rules.md#spouse); all 0 when not scored with spouse. */
    public record SpouseFactors(int education, int language, int canadianWork, int subtotal) {}

    /** C. Skill transferability (docs/crs-rules.md#transferability): blocks capped at 50, section at 100. */
    public record Transferability(
            int educationLanguage,
            int educationCanadianWork,
            int educationSubtotal,
            int foreignLanguage,
            int foreignCanadianWork,
            int foreignSubtotal,
            int certificateOfQualification,
            int subtotal) {}

    /**
     * D. Additional points (docs/crs-rules.md#additional), capped at 600. {@code highWageCanadianWork} is
     * the 2026-11-03 high-wage factor for Canadian work (0 before, and 0 while its values are not configured).
     */
    public record Additional(
            int provincialNomination,
            int sibling,
            int french,
            int canadianStudy,
            int arrangedEmployment,
            int highWageCanadianWork,
            int subtotal) {}

    /** CLB (English) / NCLC (French) levels used, per ability; 10 means "10 or more". */
    public record LanguageLevels(OfficialLanguage language, int listening, int reading, int writing, int speaking) {}

    public record Languages(LanguageLevels first, LanguageLevels second) {}

    public record CategoryMatch(Category category, String version) {}

    /** The FSW 67-point selection grid (docs/crs-rules.md#fsw). */
    public record FswGrid(
            int language,
            int education,
            int experience,
            int age,
            int arrangedEmployment,
            int adaptability,
            int total,
            int passMark,
            boolean passes) {}

    public record Eligibility(
            List<Program> programs, List<CategoryMatch> categories, FswGrid fswGrid, List<String> reasons) {}

    /** A dated change ahead: the date, what changes, and the total from that date. */
    public record TimelineEntry(LocalDate date, String change, int total) {}
}
