package ca.eeradar.scoring.crs;

import ca.eeradar.scoring.crs.Profile.Education;
import ca.eeradar.scoring.crs.Profile.LanguageTest;
import java.time.LocalDate;
import java.time.Year;

/**
 * What a profile amounts to on one date, before any points: age, the education that counts, the
 * language levels of the valid tests, years of experience, a nomination already issued. All rules
 * "as of a date" live here (CRS-REFERENCE §3: tests valid 2 years, ECAs 5 years; §1.2: age on that
 * date, experience up to that date; §1.5: a nomination counts from its date).
 */
final class Facts {
    /** Language test results are valid 2 years from the test date (MI 2017-06-06; CRS-REFERENCE §3). */
    static final int TEST_VALID_YEARS = 2;
    /** An ECA report is valid 5 years from its issue date (MI 2017-06-06; CRS-REFERENCE §3). */
    static final int ECA_VALID_YEARS = 5;

    private static final int[] NO_LEVELS = new int[4];

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

    LanguageTest englishTest;
    LanguageTest frenchTest;
    /** Levels of {@link #englishTest} / {@link #frenchTest}, all 0 without one; read-only (shared). */
    int[] english = NO_LEVELS;
    int[] french = NO_LEVELS;
    boolean englishExpired;
    boolean frenchExpired;

    EducationLevel spouseEducation;
    LanguageTest spouseTest;
    int[] spouseLanguage = NO_LEVELS;
    boolean spouseTestExpired;
    int spouseCanadianYears;

    double canadianHours;
    double foreignHours;
    int canadianYears;
    int foreignYears;

    boolean nominated;

    /** The candidate's work entries, as decoded when the profile was built. */
    final WorkHistory work;

    /**
     * How far (in hours) the work-hour figures read on this date are from flipping a threshold, up and
     * down (see {@link #watch}). The timeline uses them to skip the days on which no experience
     * threshold can be crossed.
     */
    double hoursBelowThreshold = Double.POSITIVE_INFINITY;
    double hoursAboveThreshold = Double.POSITIVE_INFINITY;

    Facts(Profile profile, ScoringDay scoringDay) {
        this.profile = profile;
        this.scoringDay = scoringDay;
        this.asOf = scoringDay.date;
        this.day = scoringDay.day;
        this.rules = scoringDay.rules;
        this.work = WorkHistory.of(profile.workExperience());
        derive();
    }

    /** First day of the window "in the last N years" ending on the assessment date. */
    long windowStart(int years) {
        return scoringDay.windowStart(years);
    }

    /**
     * Whether {@code date} is before {@code start.plusYears(years)} (29 February becoming 28 February
     * in a common year, as {@link LocalDate#plusYears} does), compared field by field: the ECA
     * validity is asked on every date without building the expiry date each time.
     */
    static boolean beforeYearsAfter(LocalDate date, LocalDate start, int years) {
        int year = start.getYear() + years;
        int month = start.getMonthValue();
        int dayOfMonth = start.getDayOfMonth();
        if (month == 2 && dayOfMonth == 29 && !Year.isLeap(year)) {
            dayOfMonth = 28;
        }
        if (date.getYear() != year) {
            return date.getYear() < year;
        }
        if (date.getMonthValue() != month) {
            return date.getMonthValue() < month;
        }
        return date.getDayOfMonth() < dayOfMonth;
    }

    /** The day the ECA stops counting (5 years after issue), for the report's reasons. */
    LocalDate ecaExpiry() {
        return profile.education().ecaIssuedOn().plusYears(ECA_VALID_YEARS);
    }

    private void derive() {
        Profile p = profile;
        age = ageOn(p.dateOfBirth(), asOf);
        Profile.Spouse spouse = p.spouse();
        // §1.1: the with-spouse column only if partnered AND accompanying AND not a citizen/PR.
        withSpouse = spouse != null && p.maritalStatus() != null && p.maritalStatus().partnered()
                && spouse.accompanying() && !spouse.canadianCitizenOrPermanentResident();

        Education edu = p.education();
        if (edu != null && edu.level() != null) {
            boolean canadian = edu.canadianCredential() != null && edu.canadianCredential() != CanadianCredential.NONE;
            if (canadian || edu.level() == EducationLevel.LESS_THAN_SECONDARY) {
                education = edu.level();
            } else if (edu.ecaIssuedOn() == null || edu.ecaIssuedOn().isAfter(asOf)) {
                ecaMissing = true;
            } else {
                if (beforeYearsAfter(asOf, edu.ecaIssuedOn(), ECA_VALID_YEARS)) {
                    education = edu.level();
                } else {
                    ecaExpired = true;
                }
            }
        }

        LanguageResults tests = LanguageResults.of(p.languageTests());
        LanguageResults.Result bestEnglish = best(tests, OfficialLanguage.ENGLISH, day);
        if (bestEnglish != null) {
            englishTest = bestEnglish.test;
            english = bestEnglish.levels;
        }
        LanguageResults.Result bestFrench = best(tests, OfficialLanguage.FRENCH, day);
        if (bestFrench != null) {
            frenchTest = bestFrench.test;
            french = bestFrench.levels;
        }
        englishExpired = englishTest == null && hadTest(tests, OfficialLanguage.ENGLISH);
        frenchExpired = frenchTest == null && hadTest(tests, OfficialLanguage.FRENCH);

        long tenYears = windowStart(10);
        canadianHours = watchYears(work.hours(tenYears, day, WorkHistory.CANADA, WorkHistory.SKILLED));
        foreignHours = watchYears(work.hours(tenYears, day, WorkHistory.ABROAD, WorkHistory.SKILLED));
        canadianYears = WorkHistory.years(canadianHours);
        foreignYears = WorkHistory.years(foreignHours);

        if (withSpouse) {
            Education se = spouse.education();
            // The spouse's education is taken as declared unless a dated ECA says it no longer counts.
            if (se != null && se.level() != null && (se.ecaIssuedOn() == null
                    || se.canadianCredential() != null && se.canadianCredential() != CanadianCredential.NONE
                    || !se.ecaIssuedOn().isAfter(asOf)
                    && beforeYearsAfter(asOf, se.ecaIssuedOn(), ECA_VALID_YEARS))) {
                spouseEducation = se.level();
            }
            LanguageResults spouseTests = LanguageResults.of(spouse.languageTests());
            LanguageResults.Result bestSpouse = best(spouseTests, null, day);
            if (bestSpouse != null) {
                spouseTest = bestSpouse.test;
                spouseLanguage = bestSpouse.levels;
            }
            spouseTestExpired = spouseTest == null && hadTest(spouseTests, null);
            WorkHistory spouseWork = WorkHistory.of(spouse.workExperience());
            spouseCanadianYears = WorkHistory.years(watchYears(spouseWork.hours(tenYears, day,
                    WorkHistory.CANADA, WorkHistory.SKILLED)));
        }

        nominated = p.provincialNomination() != null && p.provincialNomination().nominatedOn() != null
                && !p.provincialNomination().nominatedOn().isAfter(asOf);
    }

    /**
     * Records a work-hour figure about to be compared with {@code threshold} (with the
     * {@link WorkHistory#EPSILON} tolerance of {@link WorkHistory#atLeast}), and returns it: the
     * distance to the threshold lets {@link CrsEngine}'s timeline prove that the comparison cannot flip
     * for a number of days.
     */
    double watch(double hours, double threshold) {
        double x = hours + WorkHistory.EPSILON;
        if (x < threshold) {
            hoursBelowThreshold = Math.min(hoursBelowThreshold, threshold - x);
        } else {
            hoursAboveThreshold = Math.min(hoursAboveThreshold, x - threshold);
        }
        return hours;
    }

    /** {@link #watch} for a figure turned into whole years ({@link WorkHistory#years}): every 1,560 h counts. */
    double watchYears(double hours) {
        double x = hours + WorkHistory.EPSILON;
        double below = Math.floor(x / WorkHistory.YEAR_HOURS) * WorkHistory.YEAR_HOURS;
        hoursBelowThreshold = Math.min(hoursBelowThreshold, below + WorkHistory.YEAR_HOURS - x);
        if (below >= WorkHistory.YEAR_HOURS) {
            hoursAboveThreshold = Math.min(hoursAboveThreshold, x - below);
        }
        return hours;
    }

    /** Whole years on {@code date}; a 29 February birthday is reached on 1 March in other years. */
    static int ageOn(LocalDate birth, LocalDate date) {
        if (birth == null) {
            return 0;
        }
        int age = date.getYear() - birth.getYear();
        if (date.getMonthValue() < birth.getMonthValue()
                || date.getMonthValue() == birth.getMonthValue() && date.getDayOfMonth() < birth.getDayOfMonth()) {
            age--;
        }
        return Math.max(0, age);
    }

    /** Whether a test of that language (any language if null) was taken on or before the date. */
    private boolean hadTest(LanguageResults tests, OfficialLanguage language) {
        for (LanguageResults.Result r : tests.results) {
            if (r != null && (language == null || r.language == language) && r.takenOn <= day) {
                return true;
            }
        }
        return false;
    }

    /**
     * The valid test of that language (any language if null) giving the most first-language points,
     * or null. Ties go to the most recent test.
     */
    private static LanguageResults.Result best(LanguageResults tests, OfficialLanguage language, long day) {
        LanguageResults.Result best = null;
        for (LanguageResults.Result r : tests.results) {
            if (r == null || language != null && r.language != language || !r.valid(day)) {
                continue;
            }
            if (best == null || r.rank > best.rank || r.rank == best.rank && r.takenOn > best.takenOn) {
                best = r;
            }
        }
        return best;
    }

    static int min(int[] levels) {
        return Math.min(Math.min(levels[0], levels[1]), Math.min(levels[2], levels[3]));
    }
}
