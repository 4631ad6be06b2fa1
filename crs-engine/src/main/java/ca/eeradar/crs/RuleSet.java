package ca.eeradar.crs;

import java.time.LocalDate;

/**
 * The additional-points values of one version of the CRS. Sections A to C (core, spouse,
 * transferability) have not changed since 2015-01-01 and live in {@link CrsTables}; what changed
 * over time is below (docs/crs-rules.md#rule-sets), one instance per effective date, built in {@link RuleBook}.
 *
 * @param effective          first day the rule set applies (scores are computed with the set in force on the date asked)
 * @param provincialNomination points for a nomination
 * @param jobOfferMajor00    job offer in NOC 2021 Major Group 00 (senior managers, 00010-00015)
 * @param jobOfferSkilled    job offer in any other TEER 0-3 occupation
 * @param jobOfferNeedsLmia  true until 2026-11-03 (an LMIA, or an LMIA-exempt work permit with 1 year with that employer)
 * @param studyOneOrTwo      Canadian post-secondary credential of 1 or 2 years
 * @param studyThreePlus     Canadian credential of 3+ years, or a Canadian master's, professional or doctoral degree
 * @param frenchWeakEnglish  NCLC 7+ in all four French abilities, English CLB 4 or less (or none)
 * @param frenchStrongEnglish NCLC 7+ in all four French abilities and CLB 5+ in all four English
 * @param sibling            brother or sister in Canada
 * @param highWage           null before 2026-11-03; the configured high-wage factor from then on
 * @param source             where the values come from, for the answer's warnings and for auditors
 */
public record RuleSet(
        LocalDate effective,
        int provincialNomination,
        int jobOfferMajor00,
        int jobOfferSkilled,
        boolean jobOfferNeedsLmia,
        int studyOneOrTwo,
        int studyThreePlus,
        int frenchWeakEnglish,
        int frenchStrongEnglish,
        int sibling,
        HighWageFactor highWage,
        String source) {

    public String version() {
        return effective.toString();
    }

    /** False while values the rule set depends on are left to configuration and not yet filled in. */
    public boolean complete() {
        return highWage == null || highWage.complete();
    }
}
