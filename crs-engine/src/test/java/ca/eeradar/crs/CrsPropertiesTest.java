package ca.eeradar.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.crs.Profile.CertificateOfQualification;
import ca.eeradar.crs.Profile.Education;
import ca.eeradar.crs.Profile.LanguageTest;
import ca.eeradar.crs.Profile.ProvincialNomination;
import ca.eeradar.crs.Profile.Spouse;
import ca.eeradar.crs.Profile.WorkExperience;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the grid (docs/crs-rules.md#algorithm) over generated profiles, on dates of several rule sets. */
class CrsPropertiesTest {
    private static final CrsEngine ENGINE = CrsEngine.withOfficialRules();
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    /** One generated candidate, in the units the grid speaks (levels and years), turned into a dated profile. */
    record Candidate(
            int age,
            int education,
            int credential,
            int[] english,
            int[] french,
            int canadianYears,
            int foreignYears,
            boolean certificate,
            boolean sibling,
            boolean nomination,
            boolean spouse,
            boolean accompanying,
            boolean citizen,
            int spouseEducation,
            int[] spouseLanguage,
            int spouseYears) {

        Profile profile(LocalDate asOf) {
            List<LanguageTest> tests = new ArrayList<>();
            if (english != null) {
                tests.add(test(LanguageTestType.CLB, english, asOf));
            }
            if (french != null) {
                tests.add(test(LanguageTestType.NCLC, french, asOf));
            }
            List<WorkExperience> work = new ArrayList<>();
            if (canadianYears > 0) {
                work.add(new WorkExperience("21231", "CA", asOf.minusYears(canadianYears), null, 30.0));
            }
            if (foreignYears > 0) {
                // anchored at the start of the 10-year window, so more Canadian years never push it out
                LocalDate from = asOf.minusYears(10).plusDays(2);
                work.add(new WorkExperience("21231", "GB", from, from.plusYears(foreignYears), 30.0));
            }
            Spouse partner = spouse
                    ? new Spouse(
                            accompanying,
                            citizen,
                            new Education(EducationLevel.values()[spouseEducation], CanadianCredential.NONE, null),
                            spouseLanguage == null
                                    ? List.of()
                                    : List.of(test(LanguageTestType.CLB, spouseLanguage, asOf)),
                            spouseYears == 0
                                    ? List.of()
                                    : List.of(new WorkExperience(
                                            "13110", "CA", asOf.minusYears(spouseYears), null, 30.0)))
                    : null;
            return new Profile(
                    Instant.parse("2025-01-01T00:00:00Z"),
                    asOf.minusYears(age).minusDays(40),
                    spouse ? MaritalStatus.MARRIED : MaritalStatus.SINGLE,
                    partner,
                    new Education(
                            EducationLevel.values()[education],
                            CanadianCredential.values()[credential],
                            asOf.minusYears(1)),
                    tests,
                    null,
                    work,
                    certificate ? new CertificateOfQualification("72200", "ON") : null,
                    sibling,
                    nomination ? new ProvincialNomination("ON", asOf.minusDays(10)) : null,
                    null);
        }

        Candidate single() {
            return new Candidate(
                    age,
                    education,
                    credential,
                    english,
                    french,
                    canadianYears,
                    foreignYears,
                    certificate,
                    sibling,
                    nomination,
                    false,
                    false,
                    false,
                    0,
                    null,
                    0);
        }
    }

    static LanguageTest test(LanguageTestType type, int[] l, LocalDate asOf) {
        return new LanguageTest(type, asOf.minusMonths(3), (double) l[0], (double) l[1], (double) l[2], (double) l[3]);
    }

    @Provide
    Arbitrary<Candidate> candidates() {
        Arbitrary<int[]> levels =
                Arbitraries.integers().between(0, 12).array(int[].class).ofSize(4);
        return Builders.withBuilder(() -> new Object[16])
                .use(Arbitraries.integers().between(15, 60))
                .in((a, v) -> set(a, 0, v))
                .use(Arbitraries.integers().between(0, 7))
                .in((a, v) -> set(a, 1, v))
                .use(Arbitraries.integers().between(0, 2))
                .in((a, v) -> set(a, 2, v))
                .use(levels.injectNull(0.1))
                .in((a, v) -> set(a, 3, v))
                .use(levels.injectNull(0.5))
                .in((a, v) -> set(a, 4, v))
                .use(Arbitraries.integers().between(0, 7))
                .in((a, v) -> set(a, 5, v))
                .use(Arbitraries.integers().between(0, 4))
                .in((a, v) -> set(a, 6, v))
                .use(Arbitraries.of(true, false))
                .in((a, v) -> set(a, 7, v))
                .use(Arbitraries.of(true, false))
                .in((a, v) -> set(a, 8, v))
                .use(Arbitraries.of(true, false))
                .in((a, v) -> set(a, 9, v))
                .use(Arbitraries.of(true, false))
                .in((a, v) -> set(a, 10, v))
                .use(Arbitraries.of(true, false))
                .in((a, v) -> set(a, 11, v))
                .use(Arbitraries.of(true, false))
                .in((a, v) -> set(a, 12, v))
                .use(Arbitraries.integers().between(0, 7))
                .in((a, v) -> set(a, 13, v))
                .use(levels.injectNull(0.3))
                .in((a, v) -> set(a, 14, v))
                .use(Arbitraries.integers().between(0, 6))
                .in((a, v) -> set(a, 15, v))
                .build(a -> new Candidate(
                        (int) a[0],
                        (int) a[1],
                        (int) a[2],
                        (int[]) a[3],
                        (int[]) a[4],
                        (int) a[5],
                        (int) a[6],
                        (boolean) a[7],
                        (boolean) a[8],
                        (boolean) a[9],
                        (boolean) a[10],
                        (boolean) a[11],
                        (boolean) a[12],
                        (int) a[13],
                        (int[]) a[14],
                        (int) a[15]));
    }

    private static Object[] set(Object[] a, int i, Object v) {
        a[i] = v;
        return a;
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.of(
                LocalDate.of(2016, 6, 1),
                LocalDate.of(2018, 1, 1),
                LocalDate.of(2021, 1, 1),
                AS_OF,
                LocalDate.of(2026, 12, 1));
    }

    /**
     * Each section is the sum of its items, capped (docs/crs-rules.md#algorithm), every item within its own
     * cap, and the total the sum of the capped sections.
     */
    @Property(tries = 500)
    void totalIsTheSumOfTheCappedSectionsAndEachStaysWithinItsCap(
            @ForAll("candidates") Candidate c, @ForAll("dates") LocalDate asOf) {
        ScoreReport r = ENGINE.score(c.profile(asOf), asOf);
        boolean with = r.scoredWithSpouse();
        ScoreReport.Core core = r.core();
        assertTrue(core.age() <= (with ? 100 : 110) && core.education() <= (with ? 140 : 150), "age, education");
        assertTrue(
                core.firstLanguage() <= (with ? 128 : 136) && core.secondLanguage() <= (with ? 22 : 24), "languages");
        assertTrue(core.canadianWork() <= (with ? 70 : 80), "Canadian work");
        assertEquals(
                core.age() + core.education() + core.firstLanguage() + core.secondLanguage() + core.canadianWork(),
                core.subtotal(),
                "core");
        assertTrue(core.subtotal() <= (with ? 460 : 500), "core cap");

        ScoreReport.SpouseFactors spouse = r.spouse();
        assertTrue(
                spouse.education() <= 10 && spouse.language() <= 20 && spouse.canadianWork() <= 10, "spouse factors");
        assertEquals(spouse.education() + spouse.language() + spouse.canadianWork(), spouse.subtotal(), "spouse");
        assertTrue(spouse.subtotal() <= 40, "spouse cap");

        ScoreReport.Transferability t = r.transferability();
        assertEquals(
                Math.min(50, t.educationLanguage() + t.educationCanadianWork()),
                t.educationSubtotal(),
                "education block");
        assertEquals(Math.min(50, t.foreignLanguage() + t.foreignCanadianWork()), t.foreignSubtotal(), "foreign block");
        assertTrue(t.certificateOfQualification() <= 50, "certificate");
        assertEquals(
                Math.min(100, t.educationSubtotal() + t.foreignSubtotal() + t.certificateOfQualification()),
                t.subtotal(),
                "transferability");

        ScoreReport.Additional a = r.additional();
        assertTrue(
                a.provincialNomination() <= 600 && a.sibling() <= 15 && a.french() <= 50 && a.canadianStudy() <= 30,
                "additional items");
        assertEquals(
                Math.min(
                        600,
                        a.provincialNomination()
                                + a.sibling()
                                + a.french()
                                + a.canadianStudy()
                                + a.arrangedEmployment()
                                + a.highWageCanadianWork()),
                a.subtotal(),
                "additional");

        assertTrue(core.subtotal() + spouse.subtotal() <= 500, "A+B");
        assertEquals(core.subtotal() + spouse.subtotal() + t.subtotal() + a.subtotal(), r.total(), "sections add up");
        assertTrue(r.total() <= 1200, "total " + r.total());
        assertEquals(r.total(), ENGINE.assess(c.profile(asOf), asOf).total(), "assess agrees with score");
    }

    /**
     * Issue 18 (docs/crs-rules.md): the Canadian-study points are those of the Canadian credential in the
     * rule set of the date, whatever the highest credential held anywhere; every other input fixed.
     */
    @Property(tries = 500)
    void canadianStudyNeverDependsOnTheEducationLevel(
            @ForAll("candidates") Candidate c,
            @ForAll("levels") EducationLevel otherLevel,
            @ForAll("dates") LocalDate asOf) {
        Candidate other = with(
                c, otherLevel.ordinal(), c.credential(), c.english(), c.french(), c.canadianYears(), c.foreignYears());
        RuleSet rules = ENGINE.rules().forDate(asOf);
        int expected =
                switch (CanadianCredential.values()[c.credential()]) {
                    case NONE -> 0;
                    case ONE_OR_TWO_YEARS -> rules.studyOneOrTwo();
                    case THREE_YEARS_OR_MORE -> rules.studyThreePlus();
                };
        assertEquals(expected, ENGINE.score(c.profile(asOf), asOf).additional().canadianStudy(), "as declared");
        assertEquals(
                expected, ENGINE.score(other.profile(asOf), asOf).additional().canadianStudy(), "other level");
    }

    @Provide
    Arbitrary<EducationLevel> levels() {
        return Arbitraries.of(EducationLevel.class);
    }

    @Property(tries = 500)
    void moreOfAnySingleFactorNeverLowersTheScore(
            @ForAll("candidates") Candidate c, @ForAll("factors") int factor, @ForAll("dates") LocalDate asOf) {
        Candidate more = more(c, factor);
        int before = ENGINE.assess(c.profile(asOf), asOf).total();
        int after = ENGINE.assess(more.profile(asOf), asOf).total();
        assertTrue(after >= before, "factor " + factor + ": " + before + " -> " + after);
    }

    @Provide
    Arbitrary<Integer> factors() {
        return Arbitraries.integers().between(0, 13);
    }

    private static int[] up(int[] levels, int ability) {
        int[] l = levels == null ? new int[] {0, 0, 0, 0} : levels.clone();
        l[ability] = Math.min(12, l[ability] + 1);
        return l;
    }

    private static Candidate more(Candidate c, int factor) {
        return switch (factor) {
            case 0 ->
                with(
                        c,
                        Math.min(7, c.education() + 1),
                        c.credential(),
                        c.english(),
                        c.french(),
                        c.canadianYears(),
                        c.foreignYears());
            case 1, 2, 3, 4 ->
                with(
                        c,
                        c.education(),
                        c.credential(),
                        c.english() == null ? null : up(c.english(), factor - 1),
                        c.french(),
                        c.canadianYears(),
                        c.foreignYears());
            case 5, 6, 7, 8 ->
                with(
                        c,
                        c.education(),
                        c.credential(),
                        c.english(),
                        c.french() == null ? null : up(c.french(), factor - 5),
                        c.canadianYears(),
                        c.foreignYears());
            case 9 ->
                with(
                        c,
                        c.education(),
                        c.credential(),
                        c.english(),
                        c.french(),
                        c.canadianYears() + 1,
                        c.foreignYears());
            case 10 ->
                with(
                        c,
                        c.education(),
                        c.credential(),
                        c.english(),
                        c.french(),
                        c.canadianYears(),
                        Math.min(8, c.foreignYears() + 1));
            case 11 ->
                with(
                        c,
                        c.education(),
                        Math.min(2, c.credential() + 1),
                        c.english(),
                        c.french(),
                        c.canadianYears(),
                        c.foreignYears());
            case 12 ->
                new Candidate(
                        c.age(),
                        c.education(),
                        c.credential(),
                        c.english(),
                        c.french(),
                        c.canadianYears(),
                        c.foreignYears(),
                        true,
                        true,
                        true,
                        c.spouse(),
                        c.accompanying(),
                        c.citizen(),
                        c.spouseEducation(),
                        c.spouseLanguage(),
                        c.spouseYears());
            default ->
                new Candidate(
                        c.age(),
                        c.education(),
                        c.credential(),
                        c.english(),
                        c.french(),
                        c.canadianYears(),
                        c.foreignYears(),
                        c.certificate(),
                        c.sibling(),
                        c.nomination(),
                        c.spouse(),
                        c.accompanying(),
                        c.citizen(),
                        Math.min(7, c.spouseEducation() + 1),
                        c.spouseLanguage() == null ? null : up(c.spouseLanguage(), 0),
                        c.spouseYears() + 1);
        };
    }

    private static Candidate with(
            Candidate c, int education, int credential, int[] english, int[] french, int cdn, int foreign) {
        return new Candidate(
                c.age(),
                education,
                credential,
                english,
                french,
                cdn,
                foreign,
                c.certificate(),
                c.sibling(),
                c.nomination(),
                c.spouse(),
                c.accompanying(),
                c.citizen(),
                c.spouseEducation(),
                c.spouseLanguage(),
                c.spouseYears());
    }

    @Property(tries = 300)
    void nonAccompanyingSpouseScoresAsSingle(@ForAll("candidates") Candidate c, @ForAll("dates") LocalDate asOf) {
        Candidate staysHome = new Candidate(
                c.age(),
                c.education(),
                c.credential(),
                c.english(),
                c.french(),
                c.canadianYears(),
                c.foreignYears(),
                c.certificate(),
                c.sibling(),
                c.nomination(),
                true,
                false,
                c.citizen(),
                c.spouseEducation(),
                c.spouseLanguage(),
                c.spouseYears());
        ScoreReport married = ENGINE.score(staysHome.profile(asOf), asOf);
        ScoreReport single = ENGINE.score(c.single().profile(asOf), asOf);
        assertEquals(false, married.scoredWithSpouse());
        assertEquals(single.total(), married.total());
        assertEquals(single.core(), married.core());
        assertEquals(single.spouse(), married.spouse());
        assertEquals(single.transferability(), married.transferability());
        assertEquals(single.additional(), married.additional());
    }
}
