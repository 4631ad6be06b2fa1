package ca.eeradar.crs;

import ca.eeradar.crs.Profile.LanguageTest;
import java.time.LocalDate;

/**
 * What a profile amounts to on one date, before any points: age, the education that counts, the
 * language levels of the valid tests, years of experience, a nomination already issued. All rules
 * "as of a date" live here (docs/crs-rules.md#validity: tests valid 2 years, ECAs 5 years; #core: age on that
 * date, experience up to that date; #nomination: a nomination counts from its date).
 */
final class Facts {
    /** Language test results are valid 2 years from the test date (MI 2017-06-06; docs/crs-rules.md#validity). */
    static final int TEST_VALID_YEARS = 2;
    /** An ECA report is valid 5 years from its issue date (MI 2017-06-06; docs/crs-rules.md#validity). */
    static final int ECA_VALID_YEARS = 5;

    private static final int[] NO_LEVELS = new int[4];

    final DecodedProfile decoded;
    final Profile profile;
    final ScoringDay scoringDay;
    final LocalDate asOf;
    final long day;
    final RuleSet rules;

    int age;
    boolean withSpouse;
    /** The education that scores: null when a foreign credential has no valid ECA on that date. */
    EducationLevel education;

    boolean ecaExpired;
    boolean ecaMissing;

    /*
     * Whether a valid test counts, read by the rules; the test objects themselves only by score's
     * explanations (a packed pool profile keeps none: PackedProfile).
     */
    boolean hasEnglish;

    boolean hasFrench;
    LanguageTest englishTest;
    LanguageTest frenchTest;
    /** Levels of {@link #englishTest} / {@link #frenchTest}, all 0 without one; read-only (shared). */
    int[] english = NO_LEVELS;

    int[] french = NO_LEVELS;
    boolean englishExpired;
    boolean frenchExpired;

    EducationLevel spouseEducation;
    boolean hasSpouseTest;
    LanguageTest spouseTest;
    int[] spouseLanguage = NO_LEVELS;
    boolean spouseTestExpired;
    int spouseCanadianYears;

    /**
     * Skilled (TEER 0-3) hours in the last 10 years: in Canada, abroad, anywhere (docs/crs-rules.md#core,
     * #transferability, #fsw).
     */
    double canadianHours;

    double foreignHours;
    double skilledHours;
    /** Skilled hours in Canada in the last 3 years, in TEER 0-1, in TEER 2-3, in TEER 0-3 (docs/crs-rules.md#cec). */
    double cecTeer01Hours;

    double cecTeer23Hours;
    double cecHours;
    int canadianYears;
    int foreignYears;

    boolean nominated;

    /** The candidate's work entries, as decoded when the profile was built. */
    final WorkHistory work;

    /**
     * How far (in hours) the work-hour figures read on this date are from flipping a threshold, up and
     * down (see {@link #watch}). The timeline uses them to skip the days on which no experience
     * threshold can be crossed. Kept only while {@link #watching}: a draw's assessment needs none.
     */
    double hoursBelowThreshold = Double.POSITIVE_INFINITY;

    double hoursAboveThreshold = Double.POSITIVE_INFINITY;
    private final boolean watching;

    /** {@code watching}: keep {@link #hoursBelowThreshold} and {@link #hoursAboveThreshold} (the timeline's dates). */
    Facts(DecodedProfile decoded, ScoringDay scoringDay, boolean watching) {
        this.watching = watching;
        this.decoded = decoded;
        this.profile = decoded.profile;
        this.scoringDay = scoringDay;
        this.asOf = scoringDay.date;
        this.day = scoringDay.day;
        this.rules = scoringDay.rules;
        this.work = decoded.work;
        derive();
    }

    /** First day of the window "in the last N years" ending on the assessment date. */
    long windowStart(int years) {
        return scoringDay.windowStart(years);
    }

    /** The day the ECA stops counting (5 years after issue), for the report's reasons. */
    LocalDate ecaExpiry() {
        return profile.education().ecaIssuedOn().plusYears(ECA_VALID_YEARS);
    }

    private void derive() {
        DecodedProfile d = decoded;
        age = d.ageOn(scoringDay.year, scoringDay.month, scoringDay.dayOfMonth);
        withSpouse = d.withSpouse;

        if (d.educationLevel != null) {
            if (day < d.ecaFrom) {
                ecaMissing = true;
            } else if (day < d.ecaUntil) {
                education = d.educationLevel;
            } else {
                ecaExpired = true;
            }
        }

        LanguageResults tests = d.tests;
        int bestEnglish = tests.best(OfficialLanguage.ENGLISH, day);
        if (bestEnglish >= 0) {
            hasEnglish = true;
            englishTest = tests.test(bestEnglish);
            english = tests.levels(bestEnglish);
        }
        int bestFrench = tests.best(OfficialLanguage.FRENCH, day);
        if (bestFrench >= 0) {
            hasFrench = true;
            frenchTest = tests.test(bestFrench);
            french = tests.levels(bestFrench);
        }
        englishExpired = !hasEnglish && tests.takenBy(OfficialLanguage.ENGLISH, day);
        frenchExpired = !hasFrench && tests.takenBy(OfficialLanguage.FRENCH, day);

        skilledHours();
        watchYears(canadianHours);
        watchYears(foreignHours);
        canadianYears = WorkHours.years(canadianHours);
        foreignYears = WorkHours.years(foreignHours);

        if (withSpouse) {
            if (d.spouseEducationLevel != null && day >= d.spouseEcaFrom && day < d.spouseEcaUntil) {
                spouseEducation = d.spouseEducationLevel;
            }
            LanguageResults spouseTests = d.spouseTests;
            int bestSpouse = spouseTests.best(null, day);
            if (bestSpouse >= 0) {
                hasSpouseTest = true;
                spouseTest = spouseTests.test(bestSpouse);
                spouseLanguage = spouseTests.levels(bestSpouse);
            }
            spouseTestExpired = !hasSpouseTest && spouseTests.takenBy(null, day);
            spouseCanadianYears = WorkHours.years(watchYears(
                    WorkHours.hours(d.spouseWork, windowStart(10), day, WorkHistory.CANADA, WorkHistory.SKILLED)));
        }

        nominated = day >= d.nominatedFrom;
    }

    /**
     * The skilled-work figures every date's rules read, in one pass over the jobs: the same sums, in the
     * same order, as {@link WorkHours#hours} of each (see {@link WorkHours#term}). Overlapping entries
     * need the 30 h/week cap across jobs: there each figure is {@link WorkHours#hours} itself.
     */
    private void skilledHours() {
        long tenYears = windowStart(10);
        long threeYears = windowStart(3);
        if (work.overlapping) {
            canadianHours = WorkHours.hours(work, tenYears, day, WorkHistory.CANADA, WorkHistory.SKILLED);
            foreignHours = WorkHours.hours(work, tenYears, day, WorkHistory.ABROAD, WorkHistory.SKILLED);
            skilledHours = WorkHours.hours(work, tenYears, day, WorkHistory.ANY_COUNTRY, WorkHistory.SKILLED);
            cecTeer01Hours = WorkHours.hours(work, threeYears, day, WorkHistory.CANADA, WorkHistory.TEER_0_1);
            cecTeer23Hours = WorkHours.hours(work, threeYears, day, WorkHistory.CANADA, WorkHistory.TEER_2_3);
            cecHours = WorkHours.hours(work, threeYears, day, WorkHistory.CANADA, WorkHistory.SKILLED);
            return;
        }
        for (int i = 0; i < work.jobs; i++) {
            int teer = work.teerBit(i);
            if ((teer & WorkHistory.SKILLED) == 0) {
                continue;
            }
            double ten = WorkHours.term(work, i, tenYears, day);
            skilledHours += ten;
            if (work.canada(i)) {
                canadianHours += ten;
                double three = WorkHours.term(work, i, threeYears, day);
                cecHours += three;
                if ((teer & WorkHistory.TEER_0_1) != 0) {
                    cecTeer01Hours += three;
                } else {
                    cecTeer23Hours += three;
                }
            } else {
                foreignHours += ten;
            }
        }
    }

    /**
     * Records a work-hour figure about to be compared with {@code threshold} (with the
     * {@link WorkHours#EPSILON} tolerance of {@link WorkHours#atLeast}), and returns it: the
     * distance to the threshold lets {@link CrsEngine}'s timeline prove that the comparison cannot flip
     * for a number of days.
     */
    double watch(double hours, double threshold) {
        if (!watching) {
            return hours;
        }
        double x = hours + WorkHours.EPSILON;
        if (x < threshold) {
            hoursBelowThreshold = Math.min(hoursBelowThreshold, threshold - x);
        } else {
            hoursAboveThreshold = Math.min(hoursAboveThreshold, x - threshold);
        }
        return hours;
    }

    /** {@link #watch} for a figure turned into whole years ({@link WorkHours#years}): every 1,560 h counts. */
    double watchYears(double hours) {
        if (!watching) {
            return hours;
        }
        double x = hours + WorkHours.EPSILON;
        double below = Math.floor(x / WorkHours.YEAR_HOURS) * WorkHours.YEAR_HOURS;
        hoursBelowThreshold = Math.min(hoursBelowThreshold, below + WorkHours.YEAR_HOURS - x);
        if (below >= WorkHours.YEAR_HOURS) {
            hoursAboveThreshold = Math.min(hoursAboveThreshold, x - below);
        }
        return hours;
    }

    static int min(int[] levels) {
        return Math.min(Math.min(levels[0], levels[1]), Math.min(levels[2], levels[3]));
    }
}
