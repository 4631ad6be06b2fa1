package ca.eeradar.scoring.crs;

import ca.eeradar.scoring.crs.Profile.WorkExperience;
import java.util.Arrays;
import java.util.List;

/**
 * Work experience as full-time-equivalent hours inside a window of days (issue 3; CRS-REFERENCE §1.2,
 * §4): 30 h/week is full time, 1,560 h is one year, hours beyond 30 a week do not count, also when
 * two jobs overlap. {@code to} is the last day worked (inclusive), null = still working; nothing
 * after the assessment date counts. Skilled = NOC 2021 TEER 0-3 (the TEER is the code's 2nd digit).
 */
final class WorkHistory {
    static final double FULL_TIME_WEEK = 30.0;
    static final double YEAR_HOURS = 1560.0;
    /** Hours are compared with a small tolerance: 52 weeks x 30 h is exactly one year, whatever rounding does. */
    static final double EPSILON = 1e-6;

    static final int ANY_COUNTRY = 0;
    static final int CANADA = 1;
    static final int ABROAD = 2;
    static final int SKILLED = 0b1111;      // TEER 0-3
    static final int TEER_0_1 = 0b0011;
    static final int TEER_2_3 = 0b1100;

    private WorkHistory() {
    }

    static int teer(String noc) {
        return noc.charAt(1) - '0';
    }

    static boolean skilled(String noc) {
        return noc != null && noc.length() == 5 && teer(noc) <= 3;
    }

    static int years(double hours) {
        return (int) ((hours + EPSILON) / YEAR_HOURS);
    }

    static boolean atLeast(double hours, double needed) {
        return hours + EPSILON >= needed;
    }

    private static boolean matches(WorkExperience w, int country, int teers, String noc) {
        if (w == null || w.noc() == null || w.noc().length() != 5 || w.from() == null) {
            return false;
        }
        if (noc != null ? !noc.equals(w.noc()) : (teers & (1 << teer(w.noc()))) == 0) {
            return false;
        }
        if (country == ANY_COUNTRY) {
            return true;
        }
        boolean canada = "CA".equals(w.country());
        return country == CANADA ? canada : !canada;
    }

    private static long start(WorkExperience w, long windowStart) {
        return Math.max(w.from().toEpochDay(), windowStart);
    }

    private static long end(WorkExperience w, long windowEnd) {
        return w.to() == null ? windowEnd : Math.min(w.to().toEpochDay(), windowEnd);
    }

    private static double weekly(WorkExperience w) {
        Double h = w.hoursPerWeek();
        return h == null ? FULL_TIME_WEEK : Math.min(FULL_TIME_WEEK, Math.max(0, h));
    }

    /**
     * Full-time-equivalent hours of the matching entries between {@code windowStart} and
     * {@code windowEnd} (epoch days, inclusive). {@code noc} non-null = that occupation only (then
     * {@code teers} is ignored).
     */
    static double hours(List<WorkExperience> work, long windowStart, long windowEnd, int country, int teers, String noc) {
        if (work == null || work.isEmpty()) {
            return 0;
        }
        double sum = 0;
        boolean overlap = false;
        int n = work.size();
        for (int i = 0; i < n; i++) {
            WorkExperience w = work.get(i);
            if (!matches(w, country, teers, noc)) {
                continue;
            }
            long s = start(w, windowStart);
            long e = end(w, windowEnd);
            if (e < s) {
                continue;
            }
            sum += (e - s + 1) * weekly(w) / 7.0;
            for (int j = 0; j < i && !overlap; j++) {
                WorkExperience o = work.get(j);
                if (matches(o, country, teers, noc)) {
                    long os = start(o, windowStart);
                    long oe = end(o, windowEnd);
                    overlap = os <= oe && os <= e && s <= oe;
                }
            }
        }
        return overlap ? sweep(work, windowStart, windowEnd, country, teers, noc) : sum;
    }

    /** Overlapping jobs: per stretch of days, the sum of weekly hours capped at 30. */
    private static double sweep(List<WorkExperience> work, long windowStart, long windowEnd, int country, int teers,
                                String noc) {
        int n = work.size();
        long[] points = new long[2 * n];
        int k = 0;
        for (WorkExperience w : work) {
            if (matches(w, country, teers, noc)) {
                long s = start(w, windowStart);
                long e = end(w, windowEnd);
                if (e >= s) {
                    points[k++] = s;
                    points[k++] = e + 1;
                }
            }
        }
        Arrays.sort(points, 0, k);
        double sum = 0;
        for (int p = 0; p + 1 < k; p++) {
            long from = points[p];
            long until = points[p + 1];
            if (until <= from) {
                continue;
            }
            double weekly = 0;
            for (WorkExperience w : work) {
                if (matches(w, country, teers, noc) && start(w, windowStart) <= from && end(w, windowEnd) >= until - 1) {
                    weekly += weekly(w);
                }
            }
            sum += (until - from) * Math.min(FULL_TIME_WEEK, weekly) / 7.0;
        }
        return sum;
    }

    /**
     * The most hours of one occupation ({@code noc}) worked without a break: entries of that
     * occupation that follow each other (next start at most the day after the previous end) form one
     * run. Used where the rules say "continuous" (FSW: 1 year; categories before 2026-02-18: 6 months).
     */
    static double longestRun(List<WorkExperience> work, long windowStart, long windowEnd, int country, String noc) {
        double best = 0;
        int n = work == null ? 0 : work.size();
        for (int i = 0; i < n; i++) {
            WorkExperience w = work.get(i);
            if (!matches(w, country, 0, noc)) {
                continue;
            }
            // grow the run that contains entry i in both directions
            long runStart = start(w, windowStart);
            long runEnd = end(w, windowEnd);
            if (runEnd < runStart) {
                continue;
            }
            boolean grew = true;
            while (grew) {
                grew = false;
                for (int j = 0; j < n; j++) {
                    WorkExperience o = work.get(j);
                    if (!matches(o, country, 0, noc)) {
                        continue;
                    }
                    long s = start(o, windowStart);
                    long e = end(o, windowEnd);
                    if (e >= s && s <= runEnd + 1 && e >= runStart - 1 && (s < runStart || e > runEnd)) {
                        runStart = Math.min(runStart, s);
                        runEnd = Math.max(runEnd, e);
                        grew = true;
                    }
                }
            }
            best = Math.max(best, hours(work, runStart, runEnd, country, 0, noc));
        }
        return best;
    }

    /** The occupation (NOC) with the most hours among matching entries, and those hours, via {@code best}. */
    static double bestOccupation(List<WorkExperience> work, long windowStart, long windowEnd, int country,
                                 java.util.function.Predicate<String> occupation, boolean continuous) {
        double best = 0;
        int n = work == null ? 0 : work.size();
        for (int i = 0; i < n; i++) {
            WorkExperience w = work.get(i);
            if (w == null || w.noc() == null || w.noc().length() != 5 || !occupation.test(w.noc())) {
                continue;
            }
            boolean seen = false;
            for (int j = 0; j < i && !seen; j++) {
                WorkExperience o = work.get(j);
                seen = o != null && w.noc().equals(o.noc());
            }
            if (seen) {
                continue;
            }
            double h = continuous ? longestRun(work, windowStart, windowEnd, country, w.noc())
                    : hours(work, windowStart, windowEnd, country, 0, w.noc());
            best = Math.max(best, h);
        }
        return best;
    }
}
