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

    /** Ints per test in a packed profile ({@link #pack}): language, rank and levels in one; test day; expiry day. */
    static final int PACKED_STRIDE = 3;

    /*
     * Not final: a pool's reader re-points one instance at each packed profile ({@link #unpack}); every
     * other instance is built by a constructor and never changed.
     */
    /** How many tests are decoded: entries without a test type or a date never count and are left out. */
    int count;
    /** The decoded tests' figures, {@link #STRIDE} ints each, in the order given. */
    private int[] figures;
    /** The decoded tests themselves, in the same order; null entries in an unpacked instance (a pool keeps no test object). */
    private LanguageTest[] decoded;
    /** Levels 0..10 in {@link LanguageScales} ability order, per decoded test; read-only (shared by every {@link Facts}). */
    private int[][] levels;

    /** An empty instance for a pool's reader, filled by {@link #unpack}. */
    LanguageResults() {
        figures = new int[0];
        decoded = new LanguageTest[0];
        levels = new int[0][];
    }

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

    /**
     * Writes the decoded tests into {@code out} from {@code at}, {@link #PACKED_STRIDE} ints each: what
     * {@code assess} reads of them, not the tests themselves (which only {@code score}'s explanations read).
     */
    void pack(int[] out, int at) {
        for (int k = 0; k < count; k++, at += PACKED_STRIDE) {
            int f = STRIDE * k;
            int rank = figures[f + RANK];
            if (rank < 0 || rank >= 1 << 14) {
                throw new IllegalArgumentException("language rank out of the packed range: " + rank);
            }
            int[] l = levels[k];
            out[at] = figures[f + LANGUAGE] | rank << 2 | l[0] << 16 | l[1] << 20 | l[2] << 24 | l[3] << 28;
            out[at + 1] = figures[f + TAKEN_ON];
            out[at + 2] = figures[f + EXPIRES];
        }
    }

    /** Re-points this instance at {@code n} tests packed by {@link #pack} in {@code in} from {@code at}. */
    void unpack(int[] in, int at, int n) {
        if (decoded.length < n) {
            // Grown once to the largest profile seen, then reused: no allocation per profile.
            figures = new int[STRIDE * n];
            decoded = new LanguageTest[n];
            levels = new int[n][4];
        }
        count = n;
        for (int k = 0; k < n; k++, at += PACKED_STRIDE) {
            int word = in[at];
            int f = STRIDE * k;
            figures[f + LANGUAGE] = word & 0b11;
            figures[f + RANK] = word >>> 2 & 0x3fff;
            figures[f + TAKEN_ON] = in[at + 1];
            figures[f + EXPIRES] = in[at + 2];
            int[] l = levels[k];
            l[0] = word >>> 16 & 0xf;
            l[1] = word >>> 20 & 0xf;
            l[2] = word >>> 24 & 0xf;
            l[3] = word >>> 28 & 0xf;
        }
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
