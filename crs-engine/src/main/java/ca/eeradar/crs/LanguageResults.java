package ca.eeradar.crs;

import ca.eeradar.crs.Profile.LanguageTest;
import java.util.List;

/**
 * One person's language tests ({@link Profile#languageTests()}) decoded once by {@link DecodedProfile},
 * with what does not depend on the date: the
 * CLB/NCLC level of each ability ({@link LanguageScales}), the first-language points that rank the
 * tests of one language, the test's language, and the days its results start and stop counting
 * (valid 2 years from the test date: MI 2017-06-06; docs/crs-rules.md#validity).
 *
 * <p>The decoded figures of all tests sit in one int array, read on every date: a pool of profiles
 * does not fit in the processor's caches, and each separate object is one more wait for memory.
 */
final class LanguageResults {
    static final LanguageResults NONE = new LanguageResults(List.of());

    /** Per decoded test in {@link #figures}: language ordinal, test day, expiry day, rank. */
    private static final int LANGUAGE = 0;

    private static final int TAKEN_ON = 1;
    private static final int EXPIRES = 2;
    private static final int RANK = 3;
    private static final int STRIDE = 4;

    /** How many tests are decoded: entries without a test type or a date never count and are left out. */
    final int count;
    /** The decoded tests' figures, {@link #STRIDE} ints each, in the order given. */
    private final int[] figures;
    /** The decoded tests themselves, in the same order. */
    private final LanguageTest[] decoded;
    /** Levels 0..10 in {@link LanguageScales} ability order, per decoded test; read-only (shared by every {@link Facts}). */
    private final int[][] levels;

    private LanguageResults(List<LanguageTest> tests) {
        int n = 0;
        for (LanguageTest t : tests) {
            if (usable(t)) {
                n++;
            }
        }
        count = n;
        figures = new int[STRIDE * n];
        decoded = new LanguageTest[n];
        levels = new int[n][];
        int[] points = CrsTables.FIRST_LANGUAGE[CrsTables.WITHOUT];
        int k = 0;
        for (LanguageTest t : tests) {
            if (!usable(t)) {
                continue;
            }
            int[] l = new int[4];
            int rank = 0;
            for (int a = 0; a < 4; a++) {
                l[a] = level(t, a);
                rank += points[l[a]];
            }
            int at = STRIDE * k;
            figures[at + LANGUAGE] = t.test().language().ordinal();
            figures[at + TAKEN_ON] = day(t.takenOn().toEpochDay());
            figures[at + EXPIRES] =
                    day(t.takenOn().plusYears(Facts.TEST_VALID_YEARS).toEpochDay());
            // First-official-language points of the four levels (column without spouse): the best test ranks first.
            figures[at + RANK] = rank;
            decoded[k] = t;
            levels[k] = l;
            k++;
        }
    }

    /**
     * An epoch day as an int: every day of years -5,800,000 to 5,800,000. A date beyond that (only an
     * unvalidated profile has one) is held at the bound, which orders it the same against any real day.
     */
    private static int day(long epochDay) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, epochDay));
    }

    private static boolean usable(LanguageTest t) {
        return t != null && t.test() != null && t.takenOn() != null;
    }

    /** One person's tests decoded ({@code null} = none). */
    static LanguageResults of(List<LanguageTest> tests) {
        return tests == null || tests.isEmpty() ? NONE : new LanguageResults(tests);
    }

    /**
     * The decoded test of that language (any language if null) valid on epoch day {@code day}
     * (taken on or before it, less than 2 years before) giving the most first-language points, -1 if
     * none. Ties go to the most recent test, then to the first given.
     */
    int best(OfficialLanguage language, long day) {
        int best = -1;
        int bestRank = 0;
        int bestTaken = 0;
        for (int k = 0, at = 0; k < count; k++, at += STRIDE) {
            if (language != null && figures[at + LANGUAGE] != language.ordinal()
                    || figures[at + TAKEN_ON] > day
                    || day >= figures[at + EXPIRES]) {
                continue;
            }
            int rank = figures[at + RANK];
            int taken = figures[at + TAKEN_ON];
            if (best < 0 || rank > bestRank || rank == bestRank && taken > bestTaken) {
                best = k;
                bestRank = rank;
                bestTaken = taken;
            }
        }
        return best;
    }

    /** Whether a test of that language (any language if null) was taken on or before epoch day {@code day}. */
    boolean takenBy(OfficialLanguage language, long day) {
        for (int k = 0, at = 0; k < count; k++, at += STRIDE) {
            if ((language == null || figures[at + LANGUAGE] == language.ordinal()) && figures[at + TAKEN_ON] <= day) {
                return true;
            }
        }
        return false;
    }

    /** Decoded test {@code k} as given. */
    LanguageTest test(int k) {
        return decoded[k];
    }

    /** The levels of decoded test {@code k} (read-only). */
    int[] levels(int k) {
        return levels[k];
    }

    private static int level(LanguageTest t, int ability) {
        Double raw =
                switch (ability) {
                    case LanguageScales.LISTENING -> t.listening();
                    case LanguageScales.READING -> t.reading();
                    case LanguageScales.WRITING -> t.writing();
                    default -> t.speaking();
                };
        return raw == null ? 0 : LanguageScales.level(t.test(), ability, raw);
    }
}
