package ca.eeradar.crs;

/**
 * Sections A, B and C of the CRS grid, unchanged since 2015-01-01 (IRCC "Comprehensive Ranking
 * System (CRS) criteria - Express Entry"; docs/crs-rules.md#core, #spouse, #transferability). Arrays are indexed as the
 * official tables read; column 0 = with spouse, 1 = without spouse.
 */
final class CrsTables {
    private CrsTables() {}

    static final int WITH = 0;
    static final int WITHOUT = 1;

    /** Age points by whole years 0..45 (45 or more = 0; 17 or less = 0). docs/crs-rules.md#core "Age". */
    static final int[][] AGE = new int[2][46];

    static {
        int[] with = {
            90, 95, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 95, 90, 85, 80, 75, 70, 65, 60, 55, 50, 45, 35,
            25, 15, 5
        };
        int[] without = {
            99, 105, 110, 110, 110, 110, 110, 110, 110, 110, 110, 110, 105, 99, 94, 88, 83, 77, 72, 66, 61, 55, 50, 39,
            28, 17, 6
        };
        System.arraycopy(with, 0, AGE[WITH], 18, with.length);
        System.arraycopy(without, 0, AGE[WITHOUT], 18, without.length);
    }

    static int age(int column, int age) {
        return age < 0 || age >= 45 ? 0 : AGE[column][age];
    }

    /** docs/crs-rules.md#core "Education", by {@link EducationLevel} ordinal. */
    static final int[][] EDUCATION = {
        {0, 28, 84, 91, 112, 119, 126, 140},
        {0, 30, 90, 98, 120, 128, 135, 150}
    };

    /** docs/crs-rules.md#spouse: spouse's education, by ordinal. */
    static final int[] SPOUSE_EDUCATION = {0, 2, 6, 7, 8, 9, 10, 10};

    /** docs/crs-rules.md#core: first official language per ability, by CLB 0..10 (10 = 10 or more). */
    static final int[][] FIRST_LANGUAGE = {
        {0, 0, 0, 0, 6, 6, 8, 16, 22, 29, 32},
        {0, 0, 0, 0, 6, 6, 9, 17, 23, 31, 34}
    };

    /** docs/crs-rules.md#core: second official language per ability (both columns), by CLB 0..10. */
    static final int[] SECOND_LANGUAGE = {0, 0, 0, 0, 0, 1, 1, 3, 3, 6, 6};

    /** docs/crs-rules.md#core: 4 x 6 = 24 is reachable, so the with-spouse cap of 22 really binds. */
    static final int[] SECOND_LANGUAGE_CAP = {22, 24};

    /** docs/crs-rules.md#spouse: spouse's first official language per ability, by CLB 0..10. */
    static final int[] SPOUSE_LANGUAGE = {0, 0, 0, 0, 0, 1, 1, 3, 3, 5, 5};

    /** docs/crs-rules.md#core: Canadian work experience by whole years 0..5 (5 = 5 or more). */
    static final int[][] CANADIAN_WORK = {
        {0, 35, 46, 56, 63, 70},
        {0, 40, 53, 64, 72, 80}
    };

    /** docs/crs-rules.md#spouse: spouse's Canadian work experience by years 0..5. */
    static final int[] SPOUSE_CANADIAN_WORK = {0, 5, 7, 8, 9, 10};

    /** docs/crs-rules.md#transferability: [tier 0 none, 1 = P1, 2 = P2][condition 0 none, 1 = lower, 2 = upper]. */
    static final int[][] TRANSFER = {{0, 0, 0}, {0, 13, 25}, {0, 25, 50}};

    static final int TRANSFER_BLOCK_CAP = 50;
    static final int TRANSFER_CAP = 100;
    static final int ADDITIONAL_CAP = 600;
    static final int TOTAL_CAP = ca.eeradar.contracts.rules.CrsScale.MAX;

    /**
     * Education tier (docs/crs-rules.md#transferability): P1 = one credential of 1+ year (one-year,
     * two-year, bachelor's/3-year);
     * P2 = two or more (one 3+ years), master's/professional, doctoral. A single bachelor's is P1.
     */
    static int educationTier(EducationLevel level) {
        if (level == null) {
            return 0;
        }
        return switch (level) {
            case LESS_THAN_SECONDARY, SECONDARY -> 0;
            case ONE_YEAR, TWO_YEAR, BACHELORS -> 1;
            case TWO_OR_MORE, MASTERS, DOCTORAL -> 2;
        };
    }

    /** docs/crs-rules.md#transferability: language condition on the minimum first-language CLB: 7-8 lower, 9+ upper. */
    static int languageCondition(int minClb) {
        return minClb >= 9 ? 2 : minClb >= 7 ? 1 : 0;
    }

    /** docs/crs-rules.md#transferability: Canadian work condition: 1 year lower, 2+ upper. */
    static int canadianWorkCondition(int years) {
        return years >= 2 ? 2 : years == 1 ? 1 : 0;
    }

    /** docs/crs-rules.md#transferability: foreign work tier: 1-2 years = P1 column, 3+ = P2 column. */
    static int foreignTier(int years) {
        return years >= 3 ? 2 : years >= 1 ? 1 : 0;
    }

    /**
     * Certificate of qualification on the minimum first-language CLB: 5-6 -> 25, 7+ -> 50
     * (docs/crs-rules.md#transferability).
     */
    static int certificate(int minClb) {
        return minClb >= 7 ? 50 : minClb >= 5 ? 25 : 0;
    }
}
