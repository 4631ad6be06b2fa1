package ca.eeradar.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.crs.Profile.Education;
import ca.eeradar.crs.Profile.LanguageTest;
import ca.eeradar.crs.ScoreReport.TimelineEntry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the additional points for Canadian post-secondary education follow the Canadian credential
 * alone (docs/crs-rules.md), never the highest credential held anywhere ({@code education.level}).
 */
public class CanadianStudyTest {
    private static final CrsEngine ENGINE = CrsEngine.withOfficialRules();
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    /** The candidate's sections on {@link #AS_OF}, none of which depends on the Canadian credential. */
    public static final int AGE_40_SINGLE = 50;

    public static final int MASTERS_SINGLE = 135;
    public static final int CLB_9_FIRST_LANGUAGE = 4 * 31;
    /** Master's (two credentials tier) with CLB 9 or more in all four abilities. */
    public static final int MASTERS_WITH_CLB_9 = 50;
    /** Everything but the Canadian-study points: 359. */
    public static final int WITHOUT_CANADIAN_STUDY =
            AGE_40_SINGLE + MASTERS_SINGLE + CLB_9_FIRST_LANGUAGE + MASTERS_WITH_CLB_9;

    /**
     * The example, dated relative to {@code asOf} so the HTTP and store tests can use it on any day:
     * single, 40 (the 40th birthday 100 days before), a master's, CLB 9 in English taken 5 months before,
     * no work, the given Canadian credential; an ECA issued 2 years before, which a foreign master's needs.
     */
    public static Profile fortyYearOld(EducationLevel level, CanadianCredential credential, LocalDate asOf) {
        LanguageTest clb9 = new LanguageTest(LanguageTestType.CLB, asOf.minusMonths(5), 9.0, 9.0, 9.0, 9.0);
        return new Profile(
                asOf.minusMonths(4).atStartOfDay().toInstant(ZoneOffset.UTC),
                asOf.minusYears(40).minusDays(100),
                MaritalStatus.SINGLE,
                null,
                new Education(level, credential, asOf.minusYears(2)),
                List.of(clb9),
                OfficialLanguage.ENGLISH,
                List.of(),
                null,
                false,
                null,
                null);
    }

    @Test
    void foreignMastersWithACanadianOneYearDiplomaGets15Not30() {
        ScoreReport report =
                ENGINE.score(fortyYearOld(EducationLevel.MASTERS, CanadianCredential.ONE_OR_TWO_YEARS, AS_OF), AS_OF);
        assertEquals("2025-03-25", report.rulesVersion());
        assertEquals(
                new ScoreReport.Core(AGE_40_SINGLE, MASTERS_SINGLE, CLB_9_FIRST_LANGUAGE, 0, 0, 309), report.core());
        assertEquals(50, report.transferability().subtotal());
        assertEquals(15, report.additional().canadianStudy());
        assertEquals(15, report.additional().subtotal());
        // 374: the old answer, with the upgraded 30, was 389, exactly 15 more.
        assertEquals(389 - 15, report.total());
        assertEquals(WITHOUT_CANADIAN_STUDY + 15, report.total());
    }

    @Test
    void canadianOneYearMastersEnteredAsThreeYearsOrMoreGets30() {
        ScoreReport report = ENGINE.score(
                fortyYearOld(EducationLevel.MASTERS, CanadianCredential.THREE_YEARS_OR_MORE, AS_OF), AS_OF);
        assertEquals(30, report.additional().canadianStudy());
        assertEquals(389, report.total());
        assertEquals(
                389,
                ENGINE.assess(
                                fortyYearOld(EducationLevel.MASTERS, CanadianCredential.THREE_YEARS_OR_MORE, AS_OF),
                                AS_OF)
                        .total());
    }

    @Test
    void noCanadianCredentialGetsNothing() {
        ScoreReport report = ENGINE.score(fortyYearOld(EducationLevel.DOCTORAL, CanadianCredential.NONE, AS_OF), AS_OF);
        assertEquals(0, report.additional().canadianStudy());
        ScoreReport masters = ENGINE.score(fortyYearOld(EducationLevel.MASTERS, CanadianCredential.NONE, AS_OF), AS_OF);
        assertEquals(0, masters.additional().canadianStudy());
        assertEquals(WITHOUT_CANADIAN_STUDY, masters.total());
        assertEquals(
                359,
                ENGINE.assess(fortyYearOld(EducationLevel.MASTERS, CanadianCredential.NONE, AS_OF), AS_OF)
                        .total());
    }

    @Test
    void everyLevelGivesTheSamePointsForTheSameCanadianCredential() {
        for (CanadianCredential credential : CanadianCredential.values()) {
            int expected =
                    switch (credential) {
                        case NONE -> 0;
                        case ONE_OR_TWO_YEARS -> 15;
                        case THREE_YEARS_OR_MORE -> 30;
                    };
            for (EducationLevel level : EducationLevel.values()) {
                assertEquals(
                        expected,
                        ENGINE.score(fortyYearOld(level, credential, AS_OF), AS_OF)
                                .additional()
                                .canadianStudy(),
                        level + " + " + credential);
            }
        }
    }

    @Test
    void theFswGridIsUnchanged() {
        // Master's 23 and no adaptability: a one-or-two-year credential proves no two years of study in Canada.
        ScoreReport.FswGrid grid = ENGINE.score(
                        fortyYearOld(EducationLevel.MASTERS, CanadianCredential.ONE_OR_TWO_YEARS, AS_OF), AS_OF)
                .eligibility()
                .fswGrid();
        assertEquals(23, grid.education());
        assertEquals(0, grid.adaptability());
    }

    @Test
    void theTimelineCarries15OnEveryDay() {
        Profile p = fortyYearOld(EducationLevel.MASTERS, CanadianCredential.ONE_OR_TWO_YEARS, AS_OF);
        List<TimelineEntry> timeline = ENGINE.score(p, AS_OF).timeline();
        // The 2026-11-03 rule set keeps 15/30 for Canadian study; turning 41 on 2027-03-07 costs 11 age points.
        assertEquals(
                new TimelineEntry(LocalDate.of(2026, 11, 3), "rule set 2026-11-03 takes effect (incomplete)", 374),
                timeline.get(0));
        assertEquals(LocalDate.of(2027, 3, 7), timeline.get(1).date());
        assertEquals(374 - 11, timeline.get(1).total());
        for (TimelineEntry e : timeline) {
            ScoreReport that = ENGINE.score(p, e.date());
            assertEquals(15, that.additional().canadianStudy(), e.date().toString());
            assertEquals(that.total(), e.total(), e.date().toString());
        }
    }
}
