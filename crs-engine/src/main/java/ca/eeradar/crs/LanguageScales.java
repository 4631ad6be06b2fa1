package ca.eeradar.crs;

/**
 * Test results to CLB / NCLC levels, per ability (docs/crs-rules.md#language-tests; IRCC equivalency charts,
 * canada.ca "Language test equivalency charts" / FCIP page). Each table lists, from CLB 10 down to
 * the lowest row, the minimum result for that level; a result under the lowest row is one level
 * below it (which scores no CRS points). Abilities are indexed L=0, R=1, W=2, S=3.
 */
public final class LanguageScales {
    public static final int LISTENING = 0;
    public static final int READING = 1;
    public static final int WRITING = 2;
    public static final int SPEAKING = 3;

    private LanguageScales() {}

    /** IELTS General Training minimum bands for CLB 10..4 [OFFICIAL]: listening 7.0 = CLB 7, reading 7.0 = CLB 9. */
    private static final double[][] IELTS = {
        {8.5, 8.0, 7.5, 6.0, 5.5, 5.0, 4.5}, // listening
        {8.0, 7.0, 6.5, 6.0, 5.0, 4.0, 3.5}, // reading
        {7.5, 7.0, 6.5, 6.0, 5.5, 5.0, 4.0}, // writing
        {7.5, 7.0, 6.5, 6.0, 5.5, 5.0, 4.0}
    }; // speaking

    /** PTE Core minimum scores for CLB 10..3 [OFFICIAL, accepted from 2024-01-30]. */
    private static final double[][] PTE = {
        {89, 82, 71, 60, 50, 39, 28, 18},
        {88, 78, 69, 60, 51, 42, 33, 24},
        {90, 88, 79, 69, 60, 51, 41, 32},
        {89, 84, 76, 68, 59, 51, 42, 34}
    };

    /** TEF Canada /699 (tests from 2023-12-11) minimum scores for NCLC 10..4 [CORROBORATED]. */
    private static final double[][] TEF_699 = {
        {546, 503, 462, 434, 393, 352, 306},
        {546, 503, 462, 434, 393, 352, 306},
        {558, 512, 472, 428, 379, 330, 268},
        {556, 518, 494, 456, 422, 387, 328}
    };

    /** TEF "équivalence ancien score" (CO /360, CE /300, EE and EO /450) for NCLC 10..4 [CORROBORATED, 3 copies]. */
    private static final double[][] TEF_ANCIEN = {
        {316, 298, 280, 249, 217, 181, 145},
        {263, 248, 233, 207, 181, 151, 121},
        {393, 371, 349, 310, 271, 226, 181},
        {393, 371, 349, 310, 271, 226, 181}
    };

    /** TCF Canada (CO/CE /699, EE/EO /20) for NCLC 10..4 [CORROBORATED against canada.ca, not the shifted blog table]. */
    private static final double[][] TCF = {
        {549, 523, 503, 458, 398, 369, 331},
        {549, 524, 499, 453, 406, 375, 342},
        {16, 14, 12, 10, 7, 6, 4},
        {16, 14, 12, 10, 7, 6, 4}
    };

    /** Inclusive range of a valid result, per test and ability: {min, max, step}. */
    private static final double[][][] RANGE = new double[LanguageTestType.values().length][][];

    static {
        RANGE[LanguageTestType.IELTS_GENERAL.ordinal()] = same(0, 9, 0.5);
        RANGE[LanguageTestType.CELPIP_GENERAL.ordinal()] = same(0, 12, 1);
        RANGE[LanguageTestType.PTE_CORE.ordinal()] = same(10, 90, 1);
        RANGE[LanguageTestType.TEF_CANADA.ordinal()] = same(0, 699, 1);
        RANGE[LanguageTestType.TEF_CANADA_ANCIEN.ordinal()] =
                new double[][] {{0, 360, 1}, {0, 300, 1}, {0, 450, 1}, {0, 450, 1}};
        RANGE[LanguageTestType.TCF_CANADA.ordinal()] =
                new double[][] {{100, 699, 1}, {100, 699, 1}, {0, 20, 1}, {0, 20, 1}};
        RANGE[LanguageTestType.CLB.ordinal()] = same(0, 12, 1);
        RANGE[LanguageTestType.NCLC.ordinal()] = same(0, 12, 1);
    }

    private static double[][] same(double min, double max, double step) {
        double[] r = {min, max, step};
        return new double[][] {r, r, r, r};
    }

    /** CLB (English) or NCLC (French) level 0..10 (10 = "10 or more") of one ability's result. */
    public static int level(LanguageTestType test, int ability, double result) {
        return switch (test) {
            case IELTS_GENERAL -> fromMinimums(IELTS[ability], result, 10);
            case PTE_CORE -> fromMinimums(PTE[ability], result, 10);
            case TEF_CANADA -> fromMinimums(TEF_699[ability], result, 10);
            case TEF_CANADA_ANCIEN -> fromMinimums(TEF_ANCIEN[ability], result, 10);
            case TCF_CANADA -> fromMinimums(TCF[ability], result, 10);
            // CELPIP-General: level = CLB for 4..9, 10-12 -> CLB 10, 3 or M -> below 4 [OFFICIAL].
            // CLB / NCLC entered directly: anything above 10 is "10 or more".
            case CELPIP_GENERAL, CLB, NCLC -> Math.min(10, Math.max(0, (int) Math.floor(result)));
        };
    }

    private static int fromMinimums(double[] minimums, double result, int top) {
        for (int i = 0; i < minimums.length; i++) {
            if (result >= minimums[i]) {
                return top - i;
            }
        }
        return top - minimums.length;
    }

    /** Null if {@code result} is a possible result of that test for that ability, else why not. */
    public static String rangeProblem(LanguageTestType test, int ability, double result) {
        double[] r = RANGE[test.ordinal()][ability];
        if (Double.isNaN(result) || result < r[0] || result > r[1]) {
            return "must be between " + fmt(r[0]) + " and " + fmt(r[1]) + " for " + test;
        }
        double steps = (result - r[0]) / r[2];
        if (Math.abs(steps - Math.rint(steps)) > 1e-9) {
            return "must be a multiple of " + fmt(r[2]) + " for " + test;
        }
        return null;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
