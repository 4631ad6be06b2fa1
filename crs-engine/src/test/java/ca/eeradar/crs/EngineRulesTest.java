package ca.eeradar.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.crs.Profile.CertificateOfQualification;
import ca.eeradar.crs.Profile.Education;
import ca.eeradar.crs.Profile.JobOffer;
import ca.eeradar.crs.Profile.LanguageTest;
import ca.eeradar.crs.Profile.ProvincialNomination;
import ca.eeradar.crs.Profile.WorkExperience;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Date-dependent rules and eligibility edges (docs/crs-rules.md#rule-sets, #validity, #eligibility). */
class EngineRulesTest {
    private static final CrsEngine ENGINE = CrsEngine.withOfficialRules();

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static LanguageTest clb(int level, String takenOn) {
        return new LanguageTest(
                LanguageTestType.CLB, d(takenOn), (double) level, (double) level, (double) level, (double) level);
    }

    static LanguageTest nclc(int level, String takenOn) {
        return new LanguageTest(
                LanguageTestType.NCLC, d(takenOn), (double) level, (double) level, (double) level, (double) level);
    }

    static WorkExperience job(String noc, String country, String from, String to) {
        return new WorkExperience(noc, country, d(from), to == null ? null : d(to), 40.0);
    }

    static Profile profile(String dob, Education education, List<LanguageTest> tests, List<WorkExperience> work) {
        return new Profile(
                Instant.parse("2024-01-01T00:00:00Z"),
                d(dob),
                MaritalStatus.SINGLE,
                null,
                education,
                tests,
                null,
                work,
                null,
                false,
                null,
                null);
    }

    static Education bachelorsWithEca(String issued) {
        return new Education(EducationLevel.BACHELORS, CanadianCredential.NONE, d(issued));
    }

    @Test
    void languageTestCountsTwoYearsThenTheProfileIsNotValid() {
        Profile p = profile("1995-01-01", bachelorsWithEca("2024-01-01"), List.of(clb(9, "2024-06-01")), List.of());
        Assessment before = ENGINE.assess(p, d("2026-05-31"));
        Assessment after = ENGINE.assess(p, d("2026-06-01"));
        assertTrue(before.valid());
        assertFalse(after.valid());
        assertEquals(124, ENGINE.score(p, d("2026-05-31")).core().firstLanguage());
        ScoreReport expired = ENGINE.score(p, d("2026-06-01"));
        assertEquals(0, expired.core().firstLanguage());
        assertTrue(
                expired.eligibility().reasons().get(0).contains("more than 2 years old"),
                expired.eligibility().reasons().toString());
        assertEquals(before.total() - 124 - 25, after.total(), "language and education+language transferability lost");
        assertTrue(ENGINE.score(p, d("2026-01-01")).timeline().stream()
                .anyMatch(e ->
                        e.date().equals(d("2026-06-01")) && e.change().contains("English test of 2024-06-01 expires")));
    }

    @Test
    void ecaCountsFiveYearsThenEducationIsLostAndTheProfileIsNotValid() {
        Profile p = profile("1995-01-01", bachelorsWithEca("2021-03-01"), List.of(clb(9, "2025-06-01")), List.of());
        assertEquals(120, ENGINE.score(p, d("2026-02-28")).core().education());
        ScoreReport after = ENGINE.score(p, d("2026-03-01"));
        assertEquals(0, after.core().education());
        assertFalse(ENGINE.assess(p, d("2026-03-01")).valid());
        assertTrue(after.eligibility().reasons().stream().anyMatch(r -> r.contains("ECA expired on 2026-03-01")));
    }

    @Test
    void foreignCredentialWithoutEcaScoresNothingAndSaysWhy() {
        Profile p = profile(
                "1995-01-01",
                new Education(EducationLevel.MASTERS, CanadianCredential.NONE, null),
                List.of(clb(9, "2025-06-01")),
                List.of());
        ScoreReport report = ENGINE.score(p, d("2026-06-01"));
        assertEquals(0, report.core().education());
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("without an ECA")));
    }

    @Test
    void ageDropsOnTheBirthdayAndTheTimelineSaysSo() {
        Profile p = profile("1996-06-15", bachelorsWithEca("2024-01-01"), List.of(clb(9, "2025-06-01")), List.of());
        assertEquals(110, ENGINE.score(p, d("2026-06-14")).core().age());
        assertEquals(105, ENGINE.score(p, d("2026-06-15")).core().age());
        ScoreReport report = ENGINE.score(p, d("2026-01-01"));
        ScoreReport.TimelineEntry birthday = report.timeline().get(0);
        assertEquals(d("2026-06-15"), birthday.date());
        assertTrue(birthday.change().contains("turns 30: age points 110 -> 105"), birthday.change());
        assertEquals(report.total() - 5, birthday.total());
    }

    @Test
    void timelineShowsTheNextExperienceAnniversary() {
        Profile p = profile(
                "1990-01-01",
                bachelorsWithEca("2024-01-01"),
                List.of(clb(9, "2025-06-01")),
                List.of(job("21231", "CA", "2025-09-01", null)));
        ScoreReport report = ENGINE.score(p, d("2026-06-01"));
        assertEquals(0, report.core().canadianWork());
        ScoreReport.TimelineEntry first = report.timeline().stream()
                .filter(e -> e.change().contains("Canadian work experience reaches 1 year"))
                .findFirst()
                .orElseThrow();
        // 52 weeks of 30 h = 1,560 h: reached after 364 days counted inclusively
        assertEquals(d("2026-08-30"), first.date());
        assertTrue(first.change().contains("CEC"), first.change());
        assertEquals(ENGINE.score(p, first.date()).total(), first.total());
    }

    @Test
    void nominationCountsFromItsDate() {
        Profile base = profile(
                "1990-01-01",
                bachelorsWithEca("2024-01-01"),
                List.of(clb(9, "2025-06-01")),
                List.of(job("21231", "CA", "2023-01-01", null)));
        Profile p = new Profile(
                base.profileSubmittedAt(),
                base.dateOfBirth(),
                base.maritalStatus(),
                null,
                base.education(),
                base.languageTests(),
                null,
                base.workExperience(),
                null,
                false,
                new ProvincialNomination("ON", d("2026-03-10")),
                null);
        assertEquals(0, ENGINE.score(p, d("2026-03-09")).additional().provincialNomination());
        assertFalse(ENGINE.assess(p, d("2026-03-09")).meetsProgram(Program.PNP));
        assertEquals(600, ENGINE.score(p, d("2026-03-10")).additional().provincialNomination());
        assertTrue(ENGINE.assess(p, d("2026-03-10")).meetsProgram(Program.PNP));
        assertTrue(ENGINE.score(p, d("2026-03-10")).eligibility().programs().contains(Program.PNP));
    }

    @Test
    void additionalPointsFollowTheRuleSetOfTheDate() {
        Profile p = new Profile(
                Instant.parse("2016-01-01T00:00:00Z"),
                d("1990-01-01"),
                MaritalStatus.SINGLE,
                null,
                new Education(EducationLevel.BACHELORS, CanadianCredential.THREE_YEARS_OR_MORE, null),
                List.of(nclc(8, "2016-01-01"), clb(6, "2016-01-01")),
                OfficialLanguage.FRENCH,
                List.of(job("21231", "CA", "2013-01-01", null)),
                null,
                true,
                null,
                new JobOffer("00012", true, d("2015-01-01")));
        Profile renewed = withTests(p, List.of(nclc(8, "2025-01-01"), clb(6, "2025-01-01")));
        Profile mid = withTests(p, List.of(nclc(8, "2020-01-01"), clb(6, "2020-01-01")));
        // 2015-01-01 set: an LMIA job offer is worth 600, nothing else existed
        ScoreReport y2016 = ENGINE.score(p, d("2016-06-01"));
        assertEquals("2015-01-01", y2016.rulesVersion());
        assertEquals(600, y2016.additional().arrangedEmployment());
        assertEquals(0, y2016.additional().canadianStudy());
        // 2016-11-19: 200 for major group 00, study 30; no French, no sibling yet
        ScoreReport y2017 = ENGINE.score(p, d("2017-06-05"));
        assertEquals("2016-11-19", y2017.rulesVersion());
        assertEquals(200, y2017.additional().arrangedEmployment());
        assertEquals(30, y2017.additional().canadianStudy());
        assertEquals(0, y2017.additional().french());
        assertEquals(0, y2017.additional().sibling());
        // 2017-06-06: French 30 (English CLB 5+ in all four), sibling 15
        ScoreReport mi2017 = ENGINE.score(mid, d("2020-10-19"));
        assertEquals("2017-06-06", mi2017.rulesVersion());
        assertEquals(30, mi2017.additional().french());
        assertEquals(15, mi2017.additional().sibling());
        // 2020-10-20: French 50
        assertEquals(50, ENGINE.score(mid, d("2020-10-20")).additional().french());
        // 2025-03-25: arranged employment 0
        assertEquals(200, ENGINE.score(renewed, d("2025-03-24")).additional().arrangedEmployment());
        ScoreReport y2025 = ENGINE.score(renewed, d("2025-03-25"));
        assertEquals("2025-03-25", y2025.rulesVersion());
        assertEquals(0, y2025.additional().arrangedEmployment());
        assertTrue(y2025.warnings().stream().noneMatch(w -> w.contains("incomplete")));
    }

    @Test
    void theHighWageRuleSetIsIncompleteUntilConfigured() {
        Profile p = new Profile(
                Instant.parse("2025-01-01T00:00:00Z"),
                d("1990-01-01"),
                MaritalStatus.SINGLE,
                null,
                bachelorsWithEca("2024-01-01"),
                List.of(clb(9, "2026-01-01")),
                null,
                List.of(job("21231", "CA", "2022-01-01", null)),
                null,
                false,
                null,
                new JobOffer("21231", false, d("2026-01-01")));
        ScoreReport unset = ENGINE.score(p, d("2026-11-03"));
        assertEquals("2026-11-03", unset.rulesVersion());
        assertTrue(unset.warnings().stream().anyMatch(w -> w.contains("rule set 2026-11-03 is incomplete")));
        assertFalse(ENGINE.assess(p, d("2026-11-03")).rulesComplete());
        assertEquals(ENGINE.score(p, d("2026-11-02")).total(), unset.total());
        assertTrue(ENGINE.score(p, d("2026-10-01")).timeline().stream()
                .anyMatch(e -> e.date().equals(d("2026-11-03"))
                        && e.change().contains("rule set 2026-11-03 takes effect (incomplete)")));

        HighWageFactor configured = new HighWageFactor(
                Map.of(HighWageTier.X1_3, 10, HighWageTier.X1_5, 20, HighWageTier.X2, 30),
                Map.of(HighWageTier.X1_3, 40, HighWageTier.X1_5, 50, HighWageTier.X2, 60),
                Map.of("21231", HighWageTier.X1_5));
        CrsEngine engine = new CrsEngine(RuleBook.official(configured));
        ScoreReport set = engine.score(p, d("2026-11-03"));
        assertTrue(set.warnings().stream().noneMatch(w -> w.contains("incomplete")));
        assertEquals(50, set.additional().arrangedEmployment(), "no LMIA needed from 2026-11-03");
        assertEquals(20, set.additional().highWageCanadianWork());
        assertEquals(unset.total() + 70, set.total());
        assertEquals(0, engine.score(p, d("2026-11-02")).additional().highWageCanadianWork());
    }

    @Test
    void cecNeedsClb7ForTeer01AndClb5ForTeer23() {
        Profile teer1 = profile(
                "1990-01-01",
                bachelorsWithEca("2024-01-01"),
                List.of(clb(6, "2025-06-01")),
                List.of(job("21231", "CA", "2024-01-01", null)));
        Profile teer2 = profile(
                "1990-01-01",
                bachelorsWithEca("2024-01-01"),
                List.of(clb(6, "2025-06-01")),
                List.of(job("22310", "CA", "2024-01-01", null)));
        assertFalse(ENGINE.assess(teer1, d("2026-01-01")).meetsProgram(Program.CEC));
        assertTrue(ENGINE.assess(teer2, d("2026-01-01")).meetsProgram(Program.CEC));
        // experience older than 3 years does not count for CEC
        Profile old = profile(
                "1990-01-01",
                bachelorsWithEca("2024-01-01"),
                List.of(clb(9, "2024-06-01")),
                List.of(job("21231", "CA", "2021-01-01", "2023-06-30")));
        assertFalse(ENGINE.assess(old, d("2026-01-01")).meetsProgram(Program.CEC));
        assertTrue(ENGINE.assess(old, d("2025-01-01")).meetsProgram(Program.CEC));
    }

    @Test
    void partTimeCountsAtItsHoursAndExtraHoursDoNot() {
        Profile halfTime = profile(
                "1990-01-01",
                bachelorsWithEca("2024-01-01"),
                List.of(clb(9, "2025-06-01")),
                List.of(new WorkExperience("21231", "CA", d("2024-01-01"), null, 15.0)));
        assertEquals(0, ENGINE.score(halfTime, d("2025-12-25")).core().canadianWork());
        assertEquals(40, ENGINE.score(halfTime, d("2026-01-01")).core().canadianWork(), "2 years at 15 h = 1 year");
        Profile twoJobs = profile(
                "1990-01-01",
                bachelorsWithEca("2024-01-01"),
                List.of(clb(9, "2025-06-01")),
                List.of(job("21231", "CA", "2025-01-01", null), job("21232", "CA", "2025-01-01", null)));
        assertEquals(
                40,
                ENGINE.score(twoJobs, d("2026-06-01")).core().canadianWork(),
                "two overlapping jobs still 30 h a week");
    }

    @Test
    void fswGridWithItsBreakdown() {
        Profile p = profile(
                "1990-06-02",
                new Education(EducationLevel.MASTERS, CanadianCredential.NONE, d("2024-01-01")),
                List.of(clb(8, "2025-06-01")),
                List.of(job("21231", "IN", "2020-01-01", "2025-12-31")));
        ScoreReport report = ENGINE.score(p, d("2026-06-01"));
        ScoreReport.FswGrid grid = report.eligibility().fswGrid();
        assertEquals(20, grid.language());
        assertEquals(23, grid.education());
        assertEquals(15, grid.experience(), "6 years abroad");
        assertEquals(12, grid.age());
        assertEquals(0, grid.arrangedEmployment());
        assertEquals(0, grid.adaptability());
        assertEquals(70, grid.total());
        assertTrue(grid.passes());
        assertTrue(report.eligibility().programs().contains(Program.FSW));
        Profile older = profile("1985-06-02", p.education(), p.languageTests(), p.workExperience());
        ScoreReport.FswGrid olderGrid =
                ENGINE.score(older, d("2026-06-01")).eligibility().fswGrid();
        assertEquals(47 - 40, olderGrid.age());
        assertFalse(olderGrid.passes());
        assertFalse(ENGINE.assess(older, d("2026-06-01")).meetsProgram(Program.FSW));
    }

    @Test
    void fstNeedsTwoYearsInOneTradeAndAnOfferOrCertificate() {
        Profile base = profile(
                "1990-01-01",
                bachelorsWithEca("2024-01-01"),
                List.of(new LanguageTest(LanguageTestType.CLB, d("2025-06-01"), 5.0, 4.0, 4.0, 5.0)),
                List.of(job("72200", "MX", "2022-01-01", "2025-12-31")));
        assertFalse(ENGINE.assess(base, d("2026-06-01")).meetsProgram(Program.FST));
        Profile certified = new Profile(
                base.profileSubmittedAt(),
                base.dateOfBirth(),
                base.maritalStatus(),
                null,
                base.education(),
                base.languageTests(),
                null,
                base.workExperience(),
                new CertificateOfQualification("72200", "ON"),
                false,
                null,
                null);
        assertTrue(ENGINE.assess(certified, d("2026-06-01")).meetsProgram(Program.FST));
        assertFalse(ProgramRules.trade("72600"), "sub-major 726 is excluded");
        assertFalse(ProgramRules.trade("93100"));
        assertTrue(ProgramRules.trade("63200"));
        assertTrue(ProgramRules.trade("62200"));
    }

    @Test
    void categoriesSwitchFromSixContinuousMonthsToTwelveMonthsOn20260218() {
        // 21220 is on the STEM lists of 2025 and 2026. Three stints of 5, 5 and 3 months with gaps: 13 months, never 6
        // in a row.
        Profile stints = profile(
                "1990-01-01",
                bachelorsWithEca("2024-01-01"),
                List.of(clb(9, "2025-06-01")),
                List.of(
                        job("21220", "IN", "2023-04-01", "2023-08-31"), job("21220", "IN", "2024-01-01", "2024-05-31"),
                        job("21220", "IN", "2025-09-01", "2025-11-30"),
                                job("21231", "IN", "2019-01-01", "2023-03-31")));
        assertFalse(ENGINE.assess(stints, d("2026-02-17")).meetsCategory(Category.STEM, "Version 2"));
        assertTrue(ENGINE.assess(stints, d("2026-02-18")).meetsCategory(Category.STEM, "2026-Version 3"));
        // Eight continuous months: enough until 2026-02-17, not from 2026-02-18.
        Profile eight = profile(
                "1990-01-01",
                bachelorsWithEca("2024-01-01"),
                List.of(clb(9, "2025-06-01")),
                List.of(
                        job("21220", "IN", "2025-05-01", "2025-12-31"),
                        job("21231", "IN", "2019-01-01", "2025-04-30")));
        assertTrue(ENGINE.assess(eight, d("2026-02-17")).meetsCategory(Category.STEM, "Version 2"));
        assertFalse(ENGINE.assess(eight, d("2026-02-18")).meetsCategory(Category.STEM, "2026-Version 3"));
        ScoreReport report = ENGINE.score(eight, d("2026-02-17"));
        assertEquals(
                List.of(new ScoreReport.CategoryMatch(Category.STEM, "Version 2")),
                report.eligibility().categories());
    }

    @Test
    void canadianExperienceCategoriesNeedTheMonthsInCanada() {
        Profile abroad = profile(
                "1980-01-01",
                bachelorsWithEca("2024-01-01"),
                List.of(clb(9, "2025-06-01")),
                List.of(job("00012", "FR", "2023-01-01", null)));
        Profile here = profile(
                "1980-01-01",
                bachelorsWithEca("2024-01-01"),
                List.of(clb(9, "2025-06-01")),
                List.of(job("00012", "CA", "2023-01-01", null)));
        assertFalse(ENGINE.assess(abroad, d("2026-03-01"))
                .meetsCategory(Category.SENIOR_MANAGERS_CANADIAN_EXPERIENCE, "2026-Version 1"));
        assertTrue(ENGINE.assess(here, d("2026-03-01"))
                .meetsCategory(Category.SENIOR_MANAGERS_CANADIAN_EXPERIENCE, "2026-Version 1"));
        assertFalse(
                ENGINE.assess(here, d("2025-12-01")).meetsCategory(Category.SENIOR_MANAGERS_CANADIAN_EXPERIENCE, null),
                "the category did not exist before 2026-02-18");
    }

    @Test
    void frenchCategoryAndBonusNeedNclc7InAllFour() {
        Profile p = profile(
                "1990-01-01",
                bachelorsWithEca("2024-01-01"),
                List.of(
                        new LanguageTest(
                                LanguageTestType.TEF_CANADA_ANCIEN, d("2025-06-01"), 249.0, 207.0, 310.0, 310.0),
                        clb(4, "2025-06-01")),
                List.of());
        Assessment a = ENGINE.assess(p, d("2026-06-01"));
        assertTrue(a.meetsCategory(Category.FRENCH_LANGUAGE, "2026-Version 2"));
        ScoreReport report = ENGINE.score(p, d("2026-06-01"));
        assertEquals(25, report.additional().french(), "English CLB 4 -> 25");
        assertEquals(
                OfficialLanguage.FRENCH,
                report.languages().first().language(),
                "undeclared: the higher-scoring assignment");
        Profile oneBelow = profile(
                "1990-01-01",
                bachelorsWithEca("2024-01-01"),
                List.of(new LanguageTest(
                        LanguageTestType.TEF_CANADA_ANCIEN, d("2025-06-01"), 249.0, 206.0, 310.0, 310.0)),
                List.of());
        assertFalse(ENGINE.assess(oneBelow, d("2026-06-01")).meetsCategory(Category.FRENCH_LANGUAGE, "2026-Version 2"));
        assertEquals(0, ENGINE.score(oneBelow, d("2026-06-01")).additional().french());
    }

    @Test
    void bestValidTestOfALanguageIsUsed() {
        Profile p = profile(
                "1990-01-01",
                bachelorsWithEca("2024-01-01"),
                List.of(clb(9, "2023-01-01"), clb(7, "2025-06-01"), clb(8, "2025-01-01")),
                List.of());
        ScoreReport report = ENGINE.score(p, d("2026-01-01"));
        assertEquals(
                8, report.languages().first().reading(), "the 2023 test expired; of the valid ones CLB 8 scores more");
    }

    static Profile withTests(Profile p, List<LanguageTest> tests) {
        return new Profile(
                p.profileSubmittedAt(),
                p.dateOfBirth(),
                p.maritalStatus(),
                p.spouse(),
                p.education(),
                tests,
                p.firstOfficialLanguage(),
                p.workExperience(),
                p.certificateOfQualification(),
                p.siblingInCanada(),
                p.provincialNomination(),
                p.jobOffer());
    }
}
