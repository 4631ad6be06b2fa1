package ca.eeradar.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ca.eeradar.crs.Profile.CertificateOfQualification;
import ca.eeradar.crs.Profile.Education;
import ca.eeradar.crs.Profile.JobOffer;
import ca.eeradar.crs.Profile.LanguageTest;
import ca.eeradar.crs.Profile.ProvincialNomination;
import ca.eeradar.crs.Profile.Spouse;
import ca.eeradar.crs.Profile.WorkExperience;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The timeline of {@link CrsEngine#score} evaluates only the days where something can change; it must
 * be exactly the day-by-day timeline, for profiles whose dates (tests, ECAs, birthdays, jobs starting,
 * ending and leaving the 3/5/10-year windows, offers, nominations) fall anywhere around the horizon.
 */
class TimelineEquivalenceTest {
    private static final CrsEngine OFFICIAL = CrsEngine.withOfficialRules();
    /** A configured high-wage factor, so the 2026-11-03 points that read work hours are exercised too. */
    private static final CrsEngine HIGH_WAGE = new CrsEngine(RuleBook.official(new HighWageFactor(
            Map.of(HighWageTier.X1_3, 10, HighWageTier.X1_5, 20, HighWageTier.X2, 30),
            Map.of(HighWageTier.X1_3, 50, HighWageTier.X1_5, 100, HighWageTier.X2, 200),
            Map.of("21231", HighWageTier.X2, "00012", HighWageTier.X1_5, "72200", HighWageTier.X1_3))));

    /** Occupations of every kind the rules tell apart: TEER 0-3, major group 00, trades, category lists, TEER 4-5. */
    private static final String[] NOCS = {
        "21231", "00012", "72200", "72310", "31100", "63201", "41200", "13110", "62200", "21300", "44100", "73300",
        "42203", "40042"
    };

    private static final LanguageTestType[] TESTS = {
        LanguageTestType.CLB, LanguageTestType.NCLC, LanguageTestType.IELTS_GENERAL, LanguageTestType.CELPIP_GENERAL
    };
    private static final Double[] WEEKLY = {null, 30.0, 40.0, 20.0, 15.0, 7.5, 0.0};

    @Property(tries = 400)
    void fastTimelineIsTheDayByDayOne(@ForAll long seed) {
        Random random = new Random(seed);
        LocalDate asOf = LocalDate.of(2015, 6, 1).plusDays(random.nextInt(4800));
        Profile profile = profile(random, asOf);
        CrsEngine engine = random.nextBoolean() ? OFFICIAL : HIGH_WAGE;
        assertEquals(
                dayByDay(engine, profile, asOf),
                engine.score(profile, asOf).timeline(),
                "seed " + seed + ", as of " + asOf + ", " + profile);
    }

    @Example
    void leapDaysAndWorkLeavingItsWindowGiveTheSameTimeline() {
        LocalDate asOf = LocalDate.of(2027, 2, 27);
        Profile profile = new Profile(
                Instant.parse("2026-01-01T00:00:00Z"),
                LocalDate.of(1992, 2, 29),
                MaritalStatus.SINGLE,
                null,
                new Education(EducationLevel.MASTERS, CanadianCredential.NONE, LocalDate.of(2024, 2, 29)),
                List.of(
                        new LanguageTest(LanguageTestType.CLB, LocalDate.of(2026, 2, 28), 9.0, 9.0, 8.0, 7.0),
                        new LanguageTest(LanguageTestType.NCLC, LocalDate.of(2027, 6, 1), 7.0, 7.0, 7.0, 7.0)),
                null,
                List.of(
                        new WorkExperience("21231", "CA", LocalDate.of(2024, 2, 29), LocalDate.of(2025, 8, 31), 30.0),
                        new WorkExperience("31100", "CA", LocalDate.of(2025, 9, 1), null, 25.0),
                        new WorkExperience("72200", "IN", LocalDate.of(2016, 2, 29), LocalDate.of(2020, 2, 28), null)),
                null,
                false,
                new ProvincialNomination("ON", LocalDate.of(2028, 3, 1)),
                new JobOffer("72200", true, LocalDate.of(2027, 9, 15)));
        List<ScoreReport.TimelineEntry> expected = dayByDay(OFFICIAL, profile, asOf);
        assertFalse(expected.isEmpty(), "the example has changes ahead");
        assertEquals(expected, OFFICIAL.score(profile, asOf).timeline());
        assertEquals(
                dayByDay(HIGH_WAGE, profile, asOf),
                HIGH_WAGE.score(profile, asOf).timeline());
    }

    /**
     * The reference the engine's timeline must equal: every day of the horizon evaluated, from the same
     * state as {@code score}, a change recorded whenever the total, validity, programs, categories (while
     * eligible) or rule set differ from the day before.
     */
    static List<ScoreReport.TimelineEntry> dayByDay(CrsEngine engine, Profile given, LocalDate asOf) {
        DecodedProfile profile = DecodedProfile.of(given);
        CategoryLists lists = CategoryLists.official();
        Facts prevF = new Facts(profile, new ScoringDay(asOf, engine.rules(), lists), true);
        Points prevP = CrsEngine.points(prevF);
        boolean prevValid = CrsEngine.valid(prevF, prevP);
        int prevPrograms = prevValid ? ProgramRules.programs(prevF, prevP, null, null) : 0;
        int prevCategories = ProgramRules.categories(prevF);
        List<ScoreReport.TimelineEntry> timeline = new ArrayList<>();
        LocalDate end = asOf.plusMonths(CrsEngine.TIMELINE_MONTHS);
        for (LocalDate d = asOf.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            Facts f = new Facts(profile, new ScoringDay(d, engine.rules(), lists), true);
            Points p = CrsEngine.points(f);
            boolean valid = CrsEngine.valid(f, p);
            int programs = valid ? ProgramRules.programs(f, p, null, null) : 0;
            int categories = valid ? ProgramRules.categories(f) : 0;
            if (p.total != prevP.total
                    || valid != prevValid
                    || programs != prevPrograms
                    || (categories != prevCategories && programs != 0)
                    || f.rules != prevF.rules) {
                timeline.add(new ScoreReport.TimelineEntry(
                        d,
                        ChangeDescription.of(
                                prevF,
                                prevP,
                                prevValid,
                                prevPrograms,
                                prevCategories,
                                f,
                                p,
                                valid,
                                programs,
                                categories),
                        p.total));
            }
            prevF = f;
            prevP = p;
            prevValid = valid;
            prevPrograms = programs;
            prevCategories = categories;
        }
        return timeline;
    }

    private static Profile profile(Random random, LocalDate asOf) {
        List<LanguageTest> tests = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            tests.add(test(random, asOf));
        }
        List<WorkExperience> work = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            work.add(work(random, asOf));
        }
        MaritalStatus marital = random.nextInt(3) == 0
                ? MaritalStatus.SINGLE
                : random.nextBoolean() ? MaritalStatus.MARRIED : MaritalStatus.COMMON_LAW;
        Spouse spouse = null;
        if (random.nextInt(3) > 0) {
            List<LanguageTest> spouseTests = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                spouseTests.add(test(random, asOf));
            }
            List<WorkExperience> spouseWork = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                spouseWork.add(work(random, asOf));
            }
            spouse = new Spouse(
                    random.nextInt(5) > 0, random.nextInt(6) == 0, education(random, asOf), spouseTests, spouseWork);
        }
        OfficialLanguage first =
                switch (random.nextInt(4)) {
                    case 0 -> OfficialLanguage.ENGLISH;
                    case 1 -> OfficialLanguage.FRENCH;
                    default -> null;
                };
        return new Profile(
                Instant.parse("2025-01-01T00:00:00Z"),
                date(random, asOf.minusYears(50), 365 * 35),
                marital,
                spouse,
                education(random, asOf),
                tests,
                first,
                work,
                random.nextInt(4) == 0 ? new CertificateOfQualification(pick(random, NOCS), "ON") : null,
                random.nextBoolean(),
                random.nextInt(3) == 0
                        ? new ProvincialNomination("ON", date(random, asOf.minusYears(1), 365 * 3))
                        : null,
                random.nextInt(3) == 0
                        ? new JobOffer(
                                pick(random, NOCS), random.nextBoolean(), date(random, asOf.minusYears(2), 365 * 4))
                        : null);
    }

    private static LanguageTest test(Random random, LocalDate asOf) {
        LanguageTestType type = pick(random, TESTS);
        double top = type == LanguageTestType.IELTS_GENERAL ? 9 : type == LanguageTestType.CELPIP_GENERAL ? 12 : 10;
        double step = type == LanguageTestType.IELTS_GENERAL ? 0.5 : 1;
        double[] scores = new double[4];
        for (int a = 0; a < 4; a++) {
            scores[a] = Math.min(top, (3 + random.nextInt((int) (top / step))) * step);
        }
        return new LanguageTest(
                type, date(random, asOf.minusYears(3), 365 * 5), scores[0], scores[1], scores[2], scores[3]);
    }

    private static Education education(Random random, LocalDate asOf) {
        if (random.nextInt(8) == 0) {
            return null;
        }
        CanadianCredential credential =
                random.nextInt(3) == 0 ? pick(random, CanadianCredential.values()) : CanadianCredential.NONE;
        LocalDate eca = random.nextInt(6) == 0 ? null : date(random, asOf.minusYears(6), 365 * 8);
        return new Education(pick(random, EducationLevel.values()), credential, eca);
    }

    /** Jobs from 12 years back to 2 years ahead, ongoing or not, part- or full-time or more. */
    private static WorkExperience work(Random random, LocalDate asOf) {
        LocalDate from = date(random, asOf.minusYears(12), 365 * 14);
        LocalDate to = random.nextInt(3) == 0 ? null : from.plusDays(random.nextInt(365 * 6));
        return new WorkExperience(
                pick(random, NOCS), random.nextBoolean() ? "CA" : "FR", from, to, pick(random, WEEKLY));
    }

    private static LocalDate date(Random random, LocalDate from, int days) {
        return from.plusDays(random.nextInt(days));
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
