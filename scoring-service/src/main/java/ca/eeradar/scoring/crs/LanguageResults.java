package ca.eeradar.scoring.crs;

import ca.eeradar.scoring.crs.Profile.LanguageTest;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * One person's language tests as given (what {@link Profile#languageTests()} returns, an immutable
 * snapshot), with what does not depend on the date decoded once when the profile is built: the
 * CLB/NCLC level of each ability ({@link LanguageScales}), the first-language points that rank the
 * tests of one language, the test's language, and the days its results start and stop counting
 * (valid 2 years from the test date: MI 2017-06-06; CRS-REFERENCE §3).
 */
final class LanguageResults extends AbstractList<LanguageTest> implements RandomAccess {
    static final LanguageResults NONE = new LanguageResults(List.of());

    private final LanguageTest[] tests;
    /** Per test, decoded; null for an entry without a test type or a date (it never counts). */
    final Result[] results;

    /** One test, decoded. */
    static final class Result {
        final LanguageTest test;
        final OfficialLanguage language;
        /** Epoch day of the test. */
        final long takenOn;
        /** First epoch day the results no longer count: the test date plus {@link Facts#TEST_VALID_YEARS}. */
        final long expires;
        /** Levels 0..10 in {@link LanguageScales} ability order; read-only (shared by every {@link Facts}). */
        final int[] levels = new int[4];
        /** First-official-language points of the four levels (column without spouse): the best test ranks first. */
        final int rank;

        Result(LanguageTest t) {
            test = t;
            language = t.test().language();
            takenOn = t.takenOn().toEpochDay();
            expires = t.takenOn().plusYears(Facts.TEST_VALID_YEARS).toEpochDay();
            int[] points = CrsTables.FIRST_LANGUAGE[CrsTables.WITHOUT];
            int sum = 0;
            for (int a = 0; a < 4; a++) {
                levels[a] = level(t, a);
                sum += points[levels[a]];
            }
            rank = sum;
        }

        /** Whether the results count on epoch day {@code day}: taken on or before it, less than 2 years before. */
        boolean valid(long day) {
            return takenOn <= day && day < expires;
        }
    }

    private LanguageResults(List<LanguageTest> list) {
        tests = list.toArray(LanguageTest[]::new);
        results = new Result[tests.length];
        for (int i = 0; i < tests.length; i++) {
            LanguageTest t = tests[i];
            if (t != null && t.test() != null && t.takenOn() != null) {
                results[i] = new Result(t);
            }
        }
    }

    /** The snapshot a profile keeps of {@code tests} (null stays null). */
    static List<LanguageTest> snapshot(List<LanguageTest> tests) {
        return tests == null || tests instanceof LanguageResults ? tests : new LanguageResults(tests);
    }

    /** The decoded tests of one person ({@code null} = none). */
    static LanguageResults of(List<LanguageTest> tests) {
        if (tests instanceof LanguageResults decoded) {
            return decoded;
        }
        return tests == null || tests.isEmpty() ? NONE : new LanguageResults(tests);
    }

    private static int level(LanguageTest t, int ability) {
        Double raw = switch (ability) {
            case LanguageScales.LISTENING -> t.listening();
            case LanguageScales.READING -> t.reading();
            case LanguageScales.WRITING -> t.writing();
            default -> t.speaking();
        };
        return raw == null ? 0 : LanguageScales.level(t.test(), ability, raw);
    }

    @Override
    public LanguageTest get(int index) {
        return tests[index];
    }

    @Override
    public int size() {
        return tests.length;
    }
}
