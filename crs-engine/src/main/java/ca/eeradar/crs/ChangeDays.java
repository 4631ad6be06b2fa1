package ca.eeradar.crs;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which days of a timeline can differ from the day before: the dated inputs of a profile and of the rules,
 * and how many days work hours need to reach the nearest threshold. {@link ScoreTimeline} evaluates only
 * those days instead of all ~731.
 */
final class ChangeDays {
    private ChangeDays() {}

    /**
     * Days after {@code asOf} up to {@code end} on which a dated input starts or stops counting (sorted,
     * distinct): birthdays (a 29 February birthday is reached on 1 March, see {@link DecodedProfile#ageOn}), tests
     * taken and expiring (2 years), ECAs issued and expiring (5 years), for the candidate and the spouse,
     * the nomination, the job offer, every rule set and category list boundary and the 12-month category
     * rule (2026-02-18). Work hours are not here: {@link #safeDays} covers them.
     */
    static long[] of(RuleBook rules, CategoryLists categoryLists, Profile profile, LocalDate asOf, LocalDate end) {
        TreeSet<LocalDate> days = new java.util.TreeSet<>();
        for (RuleSet r : rules.ruleSets()) {
            days.add(r.effective());
        }
        for (CategoryList l : categoryLists.all()) {
            days.add(l.from());
            if (l.until() != null) {
                days.add(l.until());
            }
        }
        days.add(CategoryLists.TWELVE_MONTHS_RULE);
        LocalDate birth = profile.dateOfBirth();
        if (birth != null) {
            for (int y = asOf.getYear(); y <= end.getYear(); y++) {
                // plusDays from the 1st: 29 February in a common year becomes 1 March, as ageOn counts it
                days.add(LocalDate.of(y, birth.getMonthValue(), 1).plusDays(birth.getDayOfMonth() - 1L));
            }
        }
        addTests(days, profile.languageTests());
        addEducation(days, profile.education());
        Profile.Spouse spouse = profile.spouse();
        if (spouse != null) {
            addTests(days, spouse.languageTests());
            addEducation(days, spouse.education());
        }
        if (profile.provincialNomination() != null
                && profile.provincialNomination().nominatedOn() != null) {
            days.add(profile.provincialNomination().nominatedOn());
        }
        if (profile.jobOffer() != null && profile.jobOffer().from() != null) {
            days.add(profile.jobOffer().from());
        }
        addWork(days, profile.workExperience());
        if (spouse != null) {
            addWork(days, spouse.workExperience());
        }
        return days.subSet(asOf, false, end, true).stream()
                .mapToLong(LocalDate::toEpochDay)
                .toArray();
    }

    private static void addTests(Set<LocalDate> days, List<Profile.LanguageTest> tests) {
        if (tests != null) {
            for (Profile.LanguageTest t : tests) {
                if (t != null && t.takenOn() != null) {
                    days.add(t.takenOn());
                    days.add(t.takenOn().plusYears(Facts.TEST_VALID_YEARS));
                }
            }
        }
    }

    /**
     * Not changes in themselves: the days a job starts or stops adding hours, or starts or stops
     * leaving a 3/5/10-year window, bound the stretches over which {@link #hourRates} are taken, so
     * the rates stay tight (any day would be correct here, these are the useful ones).
     */
    private static void addWork(Set<LocalDate> days, List<Profile.WorkExperience> work) {
        if (work == null) {
            return;
        }
        for (Profile.WorkExperience w : work) {
            if (w == null || w.from() == null) {
                continue;
            }
            days.add(w.from());
            if (w.to() != null) {
                days.add(w.to().plusDays(1));
            }
            for (int years : WINDOW_YEARS) {
                days.add(w.from().plusYears(years));
                if (w.to() != null) {
                    days.add(w.to().plusYears(years).plusDays(2));
                }
            }
        }
    }

    private static void addEducation(Set<LocalDate> days, Profile.Education education) {
        if (education != null && education.ecaIssuedOn() != null) {
            days.add(education.ecaIssuedOn());
            days.add(education.ecaIssuedOn().plusYears(Facts.ECA_VALID_YEARS));
        }
    }

    /** Windows of work experience the rules read: "in the last N years" (CEC/categories 3, FST 5, points/FSW 10). */
    private static final int[] WINDOW_YEARS = {3, 5, 10};

    /**
     * Bounds, in hours a day, of how fast any work-hour figure can rise (work done on the new day) and
     * fall (days leaving a window) while the date moves from {@code from} to at most {@code to} (epoch
     * days): the weekly hours of the jobs that can count on those days, capped at 30 a week as
     * {@link WorkHours} caps them, divided by 7; the larger of the candidate's and the spouse's.
     */
    static void hourRates(Profile profile, long from, long to, double[] rates) {
        rates[0] = 0;
        rates[1] = 0;
        LocalDate first = LocalDate.ofEpochDay(from);
        LocalDate last = LocalDate.ofEpochDay(to);
        person(profile.workExperience(), first, last, rates);
        if (profile.spouse() != null) {
            person(profile.spouse().workExperience(), first, last, rates);
        }
    }

    private static void person(List<Profile.WorkExperience> work, LocalDate first, LocalDate last, double[] rates) {
        if (work == null) {
            return;
        }
        double rising = 0;
        double falling = 0;
        for (Profile.WorkExperience w : work) {
            if (w == null || w.from() == null) {
                continue;
            }
            double weekly = WorkHours.weekly(w.hoursPerWeek());
            long from = w.from().toEpochDay();
            long to = w.to() == null ? Long.MAX_VALUE : w.to().toEpochDay();
            // days added: first + 1 .. last
            if (from <= last.toEpochDay() && to > first.toEpochDay()) {
                rising += weekly;
            }
            for (int years : WINDOW_YEARS) {
                // days dropped while the window's first day (Facts.windowStart) moves from first's to last's
                long leaveFrom = first.minusYears(years).toEpochDay() + 1;
                long leaveTo = last.minusYears(years).toEpochDay();
                if (from <= leaveTo && to >= leaveFrom) {
                    falling += weekly;
                    break;
                }
            }
        }
        rates[0] = Math.max(rates[0], Math.min(WorkHours.FULL_TIME_WEEK, rising) / 7.0);
        rates[1] = Math.max(rates[1], Math.min(WorkHours.FULL_TIME_WEEK, falling) / 7.0);
    }

    /** Slack (hours) against floating-point differences between the sum and sweep paths of {@link WorkHours#hours}. */
    private static final double HOURS_SLACK = 0.01;

    /**
     * How many days after {@code f}'s date the next one that may differ is. Over j days a figure rises
     * by at most j x {@code rising} (the window's last day moves j days) and falls by at most
     * (j + 1) x {@code falling} (its first day moves j or j + 1 days: "N years before" skips a day
     * around 29 February). The days before the returned one keep every threshold comparison of
     * {@code f}, hence every branch taken and every result.
     */
    static long safeDays(Facts f, double rising, double falling) {
        double up = f.hoursBelowThreshold - HOURS_SLACK;
        double down = f.hoursAboveThreshold - HOURS_SLACK;
        double days = TIMELINE_DAYS_CAP;
        if (rising > 0) {
            days = Math.min(days, 1 + Math.floor(up / rising));
        }
        if (falling > 0) {
            days = Math.min(days, Math.floor(down / falling));
        }
        return Math.max(1, (long) days);
    }

    private static final double TIMELINE_DAYS_CAP = 1000;
}
