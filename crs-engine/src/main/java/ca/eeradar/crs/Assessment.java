package ca.eeradar.crs;

import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.util.EnumSet;
import java.util.Set;

/**
 * The hot-path answer of {@link CrsEngine#assess}: total and eligibility on one date, nothing else.
 *
 * @param total         CRS total (0..1200) under the rule set in force on that date
 * @param rulesVersion  effective date of that rule set, e.g. "2025-03-25"
 * @param valid         false when the profile does not meet Express Entry's minimum requirements on
 *                      that date (first-language test missing, older than 2 years or not yet taken;
 *                      expired ECA; expired spouse test)
 * @param programs      programs met on that date among CEC, FSW, FST (PNP rounds need {@link #nominated})
 * @param categoryMask  bit {@code 1 << Category.ordinal()} set when the category's own criterion is met
 *                      under the category list in force on that date (see {@link #meetsCategory})
 * @param nominated     a provincial nomination dated on or before that date
 * @param rulesComplete false if the rule set has values left to configuration (2026-11-03 high-wage tiers)
 */
public record Assessment(
        int total,
        String rulesVersion,
        boolean valid,
        Set<Program> programs,
        int categoryMask,
        boolean nominated,
        boolean rulesComplete) {

    public boolean meetsProgram(Program program) {
        // An Express Entry PNP nominee must also meet one of the federal programs.
        return program == Program.PNP ? valid && nominated && !programs.isEmpty() : programs.contains(program);
    }

    /**
     * Whether the candidate meets the category's own criterion (listed occupation experience, or NCLC 7
     * for French) on the assessment date. The list used is the one in force on that date, which is the
     * version a round of that date names; {@code categoryVersion} (e.g. "2026-Version 3") is accepted for
     * the caller's record and checked only against the known versions of the category, never to pick an
     * older list. A category round also needs one of its programs: see {@link #meetsProgram}.
     */
    public boolean meetsCategory(Category category, String categoryVersion) {
        return valid && (categoryMask & (1 << category.ordinal())) != 0;
    }

    public Set<Category> categories() {
        Set<Category> set = EnumSet.noneOf(Category.class);
        for (Category c : Category.values()) {
            if ((categoryMask & (1 << c.ordinal())) != 0) {
                set.add(c);
            }
        }
        return set;
    }
}
