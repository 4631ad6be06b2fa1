package ca.eeradar.crs;

import java.util.Arrays;

/**
 * Work experience as full-time-equivalent hours inside a window of days (docs/crs-rules.md#core,
 * #eligibility): 30 h/week is full time, 1,560 h is one year, hours beyond 30 a week do not count, also
 * when two jobs overlap. {@code to} is the last day worked (inclusive), null = still working; nothing
 * after the assessment date counts. Skilled = NOC 2021 TEER 0-3 (the TEER is the code's 2nd digit).
 *
 * <p>The hours of one person's jobs are read from their decoded figures ({@link WorkHistory}), in
 * windows of epoch days (inclusive), by the jobs' country and TEERs ({@link WorkHistory#CANADA},
 * {@link WorkHistory#SKILLED}, ...) or by one occupation ({@link WorkHistory#occupationOf}). The rules
 * compare them with what they need ({@link #atLeast}); the timeline's {@link ChangeDays} caps weekly
 * hours the same way ({@link #weekly}).
 */
final class WorkHours {
    static final double FULL_TIME_WEEK = 30.0;
    static final double YEAR_HOURS = 1560.0;
    /** Hours are compared with a small tolerance: 52 weeks x 30 h is exactly one year, whatever rounding does. */
    static final double EPSILON = 1e-6;

    private WorkHours() {}

    /** Whole years ({@link #YEAR_HOURS} each) in {@code hours}. */
    static int years(double hours) {
        return (int) ((hours + EPSILON) / YEAR_HOURS);
    }

    static boolean atLeast(double hours, double needed) {
        return hours + EPSILON >= needed;
    }

    /** The hours a week of one entry that count: at most {@link #FULL_TIME_WEEK}, none below 0, full time if not given. */
    static double weekly(Double hoursPerWeek) {
        return hoursPerWeek == null ? FULL_TIME_WEEK : Math.min(FULL_TIME_WEEK, Math.max(0, hoursPerWeek));
    }

    /** {@code occ} >= 0 = that occupation only (then {@code teers} is ignored). */
    private static boolean matches(WorkHistory work, int i, int country, int teers, int occ) {
        if (occ >= 0 ? work.occupation(i) != occ : (teers & work.teerBit(i)) == 0) {
            return false;
        }
        return country == WorkHistory.ANY_COUNTRY || (country == WorkHistory.CANADA) == work.canada(i);
    }

    /**
     * Full-time-equivalent hours of the entries in TEERs {@code teers} between {@code windowStart}
     * and {@code windowEnd} (epoch days, inclusive).
     */
    static double hours(WorkHistory work, long windowStart, long windowEnd, int country, int teers) {
        return hours(work, windowStart, windowEnd, country, teers, -1);
    }

    /** {@link #hours} of one occupation ({@link WorkHistory#occupationOf} index; -1 = none, 0 hours). */
    static double occupationHours(WorkHistory work, long windowStart, long windowEnd, int country, int occ) {
        return occ < 0 ? 0 : hours(work, windowStart, windowEnd, country, 0, occ);
    }

    /**
     * What job {@code i} adds to {@link #hours} over the window {@code windowStart..windowEnd}: 0 when it
     * falls outside. A sum of these over the matching jobs, in job order, is bit for bit {@link #hours}'s
     * answer when no two jobs overlap (adding 0 changes no sum of hours).
     */
    static double term(WorkHistory work, int i, long windowStart, long windowEnd) {
        long s = Math.max(work.from(i), windowStart);
        long e = Math.min(work.to(i), windowEnd);
        return e < s ? 0 : (e - s + 1) * work.weekly(i) / 7.0;
    }

    private static double hours(WorkHistory work, long windowStart, long windowEnd, int country, int teers, int occ) {
        double sum = 0;
        boolean overlap = false;
        for (int i = 0; i < work.jobs; i++) {
            if (!matches(work, i, country, teers, occ)) {
                continue;
            }
            long s = Math.max(work.from(i), windowStart);
            long e = Math.min(work.to(i), windowEnd);
            if (e < s) {
                continue;
            }
            sum += (e - s + 1) * work.weekly(i) / 7.0;
            for (int j = 0; j < i && work.overlapping && !overlap; j++) {
                if (matches(work, j, country, teers, occ)) {
                    long os = Math.max(work.from(j), windowStart);
                    long oe = Math.min(work.to(j), windowEnd);
                    overlap = os <= oe && os <= e && s <= oe;
                }
            }
        }
        return overlap ? sweep(work, windowStart, windowEnd, country, teers, occ) : sum;
    }

    /** Overlapping jobs: per stretch of days, the sum of weekly hours capped at 30. */
    private static double sweep(WorkHistory work, long windowStart, long windowEnd, int country, int teers, int occ) {
        long[] points = new long[2 * work.jobs];
        int k = 0;
        for (int i = 0; i < work.jobs; i++) {
            if (matches(work, i, country, teers, occ)) {
                long s = Math.max(work.from(i), windowStart);
                long e = Math.min(work.to(i), windowEnd);
                if (e >= s) {
                    points[k++] = s;
                    points[k++] = e + 1;
                }
            }
        }
        Arrays.sort(points, 0, k);
        double sum = 0;
        for (int p = 0; p + 1 < k; p++) {
            long first = points[p];
            long until = points[p + 1];
            if (until <= first) {
                continue;
            }
            double week = 0;
            for (int i = 0; i < work.jobs; i++) {
                if (matches(work, i, country, teers, occ)
                        && Math.max(work.from(i), windowStart) <= first
                        && Math.min(work.to(i), windowEnd) >= until - 1) {
                    week += work.weekly(i);
                }
            }
            sum += (until - first) * Math.min(FULL_TIME_WEEK, week) / 7.0;
        }
        return sum;
    }

    /**
     * The most hours of one occupation worked without a break: entries of that occupation that
     * follow each other (next start at most the day after the previous end) form one run. Used where
     * the rules say "continuous" (FSW: 1 year; categories before 2026-02-18: 6 months).
     */
    private static double longestRun(WorkHistory work, long windowStart, long windowEnd, int country, int occ) {
        double best = 0;
        for (int i = 0; i < work.jobs; i++) {
            if (!matches(work, i, country, 0, occ)) {
                continue;
            }
            // grow the run that contains job i in both directions
            long runStart = Math.max(work.from(i), windowStart);
            long runEnd = Math.min(work.to(i), windowEnd);
            if (runEnd < runStart) {
                continue;
            }
            boolean grew = true;
            while (grew) {
                grew = false;
                for (int j = 0; j < work.jobs; j++) {
                    if (!matches(work, j, country, 0, occ)) {
                        continue;
                    }
                    long s = Math.max(work.from(j), windowStart);
                    long e = Math.min(work.to(j), windowEnd);
                    if (e >= s && s <= runEnd + 1 && e >= runStart - 1 && (s < runStart || e > runEnd)) {
                        runStart = Math.min(runStart, s);
                        runEnd = Math.max(runEnd, e);
                        grew = true;
                    }
                }
            }
            best = Math.max(best, hours(work, runStart, runEnd, country, 0, occ));
        }
        return best;
    }

    /**
     * The most hours in one occupation of {@code kind} ({@link WorkHistory#SKILLED_OCCUPATION},
     * {@link WorkHistory#TRADE}), {@link #longestRun} if {@code continuous}.
     */
    static double bestOccupation(
            WorkHistory work, long windowStart, long windowEnd, int country, int kind, boolean continuous) {
        return best(work, windowStart, windowEnd, country, null, kind, continuous);
    }

    /**
     * The most hours in one occupation on a category list: {@code listedIn[job]} has bit {@code list}
     * set when the list names the job's occupation; {@link #longestRun} if {@code continuous}.
     */
    static double bestListedOccupation(
            WorkHistory work,
            long windowStart,
            long windowEnd,
            int country,
            int[] listedIn,
            int list,
            boolean continuous) {
        return best(work, windowStart, windowEnd, country, listedIn, list, continuous);
    }

    private static double best(
            WorkHistory work,
            long windowStart,
            long windowEnd,
            int country,
            int[] marks,
            int mark,
            boolean continuous) {
        double best = 0;
        for (int i = 0; i < work.jobs; i++) {
            int marked = marks == null ? work.kinds(i) : marks[i];
            if ((marked & mark) == 0 || work.occupation(i) != i) {
                continue;
            }
            double h = continuous
                    ? longestRun(work, windowStart, windowEnd, country, i)
                    : hours(work, windowStart, windowEnd, country, 0, i);
            best = Math.max(best, h);
        }
        return best;
    }
}
