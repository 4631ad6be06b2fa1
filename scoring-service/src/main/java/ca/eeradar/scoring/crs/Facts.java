package ca.eeradar.scoring.crs;

import ca.eeradar.scoring.crs.Profile.Education;
import ca.eeradar.scoring.crs.Profile.LanguageTest;
import ca.eeradar.scoring.crs.Profile.WorkExperience;
import java.time.LocalDate;
import java.util.List;

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

    final Profile profile;
    final LocalDate asOf;
    final long day;
    final RuleSet rules;

    int age;
    boolean withSpouse;
    /** The education that scores: null when a foreign credential has no valid ECA on that date. */
    EducationLevel education;
    boolean ecaExpired;
    boolean ecaMissing;
    LocalDate ecaExpiry;

    LanguageTest englishTest;
    LanguageTest frenchTest;
    final int[] english = new int[4];
    final int[] french = new int[4];
    boolean englishExpired;
    boolean frenchExpired;

    EducationLevel spouseEducation;
    LanguageTest spouseTest;
    final int[] spouseLanguage = new int[4];
    boolean spouseTestExpired;
    int spouseCanadianYears;

    double canadianHours;
    double foreignHours;
    int canadianYears;
    int foreignYears;

    boolean nominated;

    /**
     * How far (in hours) the work-hour figures read on this date are from flipping a threshold, up and
     * down (see {@link #watch}). The timeline uses them to skip the days on which no experience
     * threshold can be crossed.
     */
    double hoursBelowThreshold = Double.POSITIVE_INFINITY;
    double hoursAboveThreshold = Double.POSITIVE_INFINITY;

    Facts(Profile profile, LocalDate asOf, RuleSet rules) {
        this.profile = profile;
        this.asOf = asOf;
        this.day = asOf.toEpochDay();
        this.rules = rules;
        derive();
    }

    private long window3 = Long.MIN_VALUE;
    private long window5 = Long.MIN_VALUE;
    private long window10 = Long.MIN_VALUE;

    /** First day of the window "in the last N years" ending on the assessment date (computed once per N). */
    long windowStart(int years) {
        return switch (years) {
            case 3 -> window3 != Long.MIN_VALUE ? window3 : (window3 = start(3));
            case 5 -> window5 != Long.MIN_VALUE ? window5 : (window5 = start(5));
            case 10 -> window10 != Long.MIN_VALUE ? window10 : (window10 = start(10));
            default -> start(years);
        };
    }

    private long start(int years) {
        return asOf.minusYears(years).toEpochDay() + 1;
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
            } else if (edu.ecaIssuedOn() == null || edu.ecaIssuedOn().toEpochDay() > day) {
                ecaMissing = true;
            } else {
                ecaExpiry = edu.ecaIssuedOn().plusYears(ECA_VALID_YEARS);
                if (day < ecaExpiry.toEpochDay()) {
                    education = edu.level();
                } else {
                    ecaExpired = true;
                }
            }
        }

        englishTest = best(p.languageTests(), OfficialLanguage.ENGLISH, english);
        frenchTest = best(p.languageTests(), OfficialLanguage.FRENCH, french);
        englishExpired = englishTest == null && hadTest(p.languageTests(), OfficialLanguage.ENGLISH);
        frenchExpired = frenchTest == null && hadTest(p.languageTests(), OfficialLanguage.FRENCH);

        long tenYears = windowStart(10);
        List<WorkExperience> work = p.workExperience();
        canadianHours = watchYears(WorkHistory.hours(work, tenYears, day, WorkHistory.CANADA, WorkHistory.SKILLED, null));
        foreignHours = watchYears(WorkHistory.hours(work, tenYears, day, WorkHistory.ABROAD, WorkHistory.SKILLED, null));
        canadianYears = WorkHistory.years(canadianHours);
        foreignYears = WorkHistory.years(foreignHours);

        if (withSpouse) {
            Education se = spouse.education();
            // The spouse's education is taken as declared unless a dated ECA says it no longer counts.
            if (se != null && se.level() != null && (se.ecaIssuedOn() == null
                    || se.canadianCredential() != null && se.canadianCredential() != CanadianCredential.NONE
                    || se.ecaIssuedOn().toEpochDay() <= day
                    && day < se.ecaIssuedOn().plusYears(ECA_VALID_YEARS).toEpochDay())) {
                spouseEducation = se.level();
            }
            spouseTest = best(spouse.languageTests(), null, spouseLanguage);
            spouseTestExpired = spouseTest == null && hadTest(spouse.languageTests(), null);
            spouseCanadianYears = WorkHistory.years(watchYears(WorkHistory.hours(spouse.workExperience(), tenYears, day,
                    WorkHistory.CANADA, WorkHistory.SKILLED, null)));
        }

        nominated = p.provincialNomination() != null && p.provincialNomination().nominatedOn() != null
                && p.provincialNomination().nominatedOn().toEpochDay() <= day;
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

    boolean testValid(LanguageTest t) {
        if (t == null || t.takenOn() == null || t.test() == null) {
            return false;
        }
        long taken = t.takenOn().toEpochDay();
        return taken <= day && day < t.takenOn().plusYears(TEST_VALID_YEARS).toEpochDay();
    }

    private boolean hadTest(List<LanguageTest> tests, OfficialLanguage language) {
        if (tests == null) {
            return false;
        }
        for (LanguageTest t : tests) {
            if (t != null && t.test() != null && t.takenOn() != null && (language == null || t.test().language() == language)
                    && t.takenOn().toEpochDay() <= day) {
                return true;
            }
        }
        return false;
    }

    /**
     * The valid test of that language (any language if null) giving the most first-language points;
     * its levels go into {@code levels}. Ties go to the most recent test.
     */
    private LanguageTest best(List<LanguageTest> tests, OfficialLanguage language, int[] levels) {
        if (tests == null || tests.isEmpty()) {
            return null;
        }
        LanguageTest best = null;
        int bestRank = -1;
        for (int i = 0, n = tests.size(); i < n; i++) {
            LanguageTest t = tests.get(i);
            if (!testValid(t) || language != null && t.test().language() != language) {
                continue;
            }
            int rank = rank(t);
            if (rank > bestRank || rank == bestRank && t.takenOn().isAfter(best.takenOn())) {
                best = t;
                bestRank = rank;
            }
        }
        if (best != null) {
            levels(best, levels);
        }
        return best;
    }

    private static int rank(LanguageTest t) {
        int[] table = CrsTables.FIRST_LANGUAGE[CrsTables.WITHOUT];
        return table[level(t, LanguageScales.LISTENING)] + table[level(t, LanguageScales.READING)]
                + table[level(t, LanguageScales.WRITING)] + table[level(t, LanguageScales.SPEAKING)];
    }

    static void levels(LanguageTest t, int[] levels) {
        for (int a = 0; a < 4; a++) {
            levels[a] = level(t, a);
        }
    }

    static int level(LanguageTest t, int ability) {
        Double raw = switch (ability) {
            case LanguageScales.LISTENING -> t.listening();
            case LanguageScales.READING -> t.reading();
            case LanguageScales.WRITING -> t.writing();
            default -> t.speaking();
        };
        return raw == null ? 0 : LanguageScales.level(t.test(), ability, raw);
    }

    static int min(int[] levels) {
        return Math.min(Math.min(levels[0], levels[1]), Math.min(levels[2], levels[3]));
    }
}
