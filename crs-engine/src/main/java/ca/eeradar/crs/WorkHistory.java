package ca.eeradar.crs;

import ca.eeradar.crs.Profile.WorkExperience;
import java.util.Arrays;
import java.util.List;

/**
 * Work experience as full-time-equivalent hours inside a window of days (docs/crs-rules.md#core,
 * #eligibility): 30 h/week is full time, 1,560 h is one year, hours beyond 30 a week do not count, also when
 * two jobs overlap ({@link WorkHours}). {@code to} is the last day worked (inclusive), null = still
 * working; nothing after the assessment date counts. Skilled = NOC 2021 TEER 0-3 (the TEER is the
 * code's 2nd digit).
 *
 * <p>One person's entries ({@link Profile#workExperience()}), decoded once by {@link DecodedProfile}:
 * epoch days, capped weekly hours, TEER, Canada or not, same-occupation index, FSW/FST kinds. None of
 * that depends on the date; a profile is scored on many dates (every draw, the daily re-score, each
 * day of the timeline) and the rules below ask for hours a dozen times per date (CRS, CEC, FSW, FST,
 * every category). The figures of all jobs sit side by side in one array (see {@link DecodedProfile}
 * for why). Entries that can never count (no NOC of 5 characters, no start date) are left out.
 */
final class WorkHistory {
    static final int ANY_COUNTRY = 0;
    static final int CANADA = 1;
    static final int ABROAD = 2;
    static final int SKILLED = 0b1111; // TEER 0-3
    static final int TEER_0_1 = 0b0011;
    static final int TEER_2_3 = 0b1100;

    /** Kinds of occupation a job is in, for {@link #bestOccupation}. */
    static final int SKILLED_OCCUPATION = 1;

    static final int TRADE = 2;

    static final WorkHistory NONE = new WorkHistory(List.of());

    /* Per job, STRIDE longs in {@link #figures}: */
    private static final int FROM = 0;
    /** Last day worked; {@code Long.MAX_VALUE} while ongoing. */
    private static final int TO = 1;
    /** Hours a week that count (at most 30), as {@link Double#doubleToRawLongBits} bits. */
    private static final int WEEKLY = 2;
    /** The NOC as a number ({@link #code}), -1 if it is not 5 digits. */
    private static final int CODE = 3;
    /** {@code 1 << TEER} of the NOC. */
    private static final int TEER_BIT = 4;
    /** 1 for work in Canada, else 0. */
    private static final int IN_CANADA = 5;
    /** Index of the first job in the same occupation (same NOC): one occupation = one index. */
    private static final int OCCUPATION = 6;
    /** {@link #SKILLED_OCCUPATION} and {@link #TRADE} bits of the NOC. */
    private static final int KINDS = 7;

    private static final int STRIDE = 8;

    /*
     * Not final: a pool's reader re-points one instance at each packed profile ({@link PackedWork#unpack});
     * every other instance is built by a constructor and never changed.
     */
    /**
     * The NOC of each job as given (read only for configured high-wage lists, which name codes as text);
     * null in an unpacked instance, which gives the text of the code ({@link Noc#text}).
     */
    private String[] noc;
    /** How many entries can count. */
    int jobs;

    private long[] figures;
    /**
     * Whether any two jobs share a day. Windows only shorten jobs, so without such a pair no window
     * needs the 30 h/week cap across jobs ({@link #sweep}).
     */
    boolean overlapping;

    /** An empty instance for a pool's reader, filled by {@link PackedWork#unpack}. */
    WorkHistory() {
        figures = new long[0];
    }

    private WorkHistory(List<WorkExperience> work) {
        int n = 0;
        for (WorkExperience w : work) {
            if (usable(w)) {
                n++;
            }
        }
        jobs = n;
        noc = new String[n];
        figures = new long[STRIDE * n];
        int k = 0;
        for (WorkExperience w : work) {
            if (!usable(w)) {
                continue;
            }
            String nocCode = w.noc();
            noc[k] = nocCode;
            int same = k;
            for (int j = 0; j < k; j++) {
                if (nocCode.equals(noc[j])) {
                    same = occupation(j);
                    break;
                }
            }
            set(
                    k,
                    w.from().toEpochDay(),
                    w.to() == null ? Long.MAX_VALUE : w.to().toEpochDay(),
                    WorkHours.weekly(w.hoursPerWeek()),
                    Noc.code(nocCode),
                    Noc.teer(nocCode),
                    "CA".equals(w.country()),
                    (Noc.skilled(nocCode) ? SKILLED_OCCUPATION : 0) | (ProgramRules.trade(nocCode) ? TRADE : 0),
                    same);
            k++;
        }
        boolean shared = false;
        for (int i = 0; i < n && !shared; i++) {
            for (int j = 0; j < i && !shared; j++) {
                shared = from(j) <= to(i) && from(i) <= to(j);
            }
        }
        overlapping = shared;
    }

    /** One person's entries decoded ({@code null} = none). */
    static WorkHistory of(List<WorkExperience> work) {
        return work == null || work.isEmpty() ? NONE : new WorkHistory(work);
    }

    private static boolean usable(WorkExperience w) {
        return w != null && w.noc() != null && w.noc().length() == 5 && w.from() != null;
    }

    /**
     * Re-points this instance at {@code n} jobs, whose figures {@link #set} then writes: a pool's reader
     * ({@link PackedWork#unpack}).
     */
    void repoint(int n, boolean overlapping) {
        if (figures.length < STRIDE * n) {
            // Grown once to the largest profile seen, then reused: no allocation per profile.
            figures = new long[STRIDE * n];
        }
        noc = null;
        jobs = n;
        this.overlapping = overlapping;
    }

    /**
     * The figures of job {@code i}: first and last day worked (epoch days), the hours a week that count,
     * the NOC as a number ({@link Noc#code}), its TEER, Canada or not, its kinds and occupation index.
     */
    void set(int i, long from, long to, double weekly, int code, int teer, boolean canada, int kinds, int occupation) {
        int at = STRIDE * i;
        figures[at + FROM] = from;
        figures[at + TO] = to;
        figures[at + WEEKLY] = Double.doubleToRawLongBits(weekly);
        figures[at + CODE] = code;
        figures[at + TEER_BIT] = 1 << teer;
        figures[at + IN_CANADA] = canada ? 1 : 0;
        figures[at + OCCUPATION] = occupation;
        figures[at + KINDS] = kinds;
    }

    long from(int i) {
        return figures[STRIDE * i + FROM];
    }

    long to(int i) {
        return figures[STRIDE * i + TO];
    }

    double weekly(int i) {
        return Double.longBitsToDouble(figures[STRIDE * i + WEEKLY]);
    }

    /** The NOC of job {@code i} as a number ({@link #code}). */
    int code(int i) {
        return (int) figures[STRIDE * i + CODE];
    }

    String noc(int i) {
        return noc == null ? Noc.text(code(i)) : noc[i];
    }

    boolean canada(int i) {
        return figures[STRIDE * i + IN_CANADA] != 0;
    }

    /** The occupation index of job {@code i}: the first job in the same NOC (what {@link #occupationOf} answers for its NOC). */
    int occupation(int i) {
        return (int) figures[STRIDE * i + OCCUPATION];
    }

    /** No entry can count, on any date. */
    boolean noneCountable() {
        return jobs == 0;
    }

    /** The occupation index of NOC {@code noc} among the entries, -1 if none is in it. */
    int occupationOf(String noc) {
        if (noc == null) {
            return -1;
        }
        int number = Noc.code(noc);
        for (int i = 0; i < jobs; i++) {
            if (number >= 0 ? code(i) == number : noc.equals(noc(i))) {
                return occupation(i);
            }
        }
        return -1;
    }

    /** {@code occ} >= 0 = that occupation only (then {@code teers} is ignored). */
    private boolean matches(int i, int country, int teers, int occ) {
        int at = STRIDE * i;
        if (occ >= 0 ? figures[at + OCCUPATION] != occ : (teers & figures[at + TEER_BIT]) == 0) {
            return false;
        }
        return country == ANY_COUNTRY || (country == CANADA) == (figures[at + IN_CANADA] != 0);
    }

    /**
     * Full-time-equivalent hours of the entries in TEERs {@code teers} between {@code windowStart}
     * and {@code windowEnd} (epoch days, inclusive).
     */
    double hours(long windowStart, long windowEnd, int country, int teers) {
        return hours(windowStart, windowEnd, country, teers, -1);
    }

    /** {@link #hours} of one occupation ({@link #occupationOf} index; -1 = none, 0 hours). */
    double occupationHours(long windowStart, long windowEnd, int country, int occ) {
        return occ < 0 ? 0 : hours(windowStart, windowEnd, country, 0, occ);
    }

    /**
     * What job {@code i} adds to {@link #hours} over the window {@code windowStart..windowEnd}: 0 when it
     * falls outside. A sum of these over the matching jobs, in job order, is bit for bit {@link #hours}'s
     * answer when no two jobs overlap (adding 0 changes no sum of hours).
     */
    double term(int i, long windowStart, long windowEnd) {
        long s = Math.max(from(i), windowStart);
        long e = Math.min(to(i), windowEnd);
        return e < s ? 0 : (e - s + 1) * weekly(i) / 7.0;
    }

    /** {@code 1 << TEER} of job {@code i}'s NOC. */
    int teerBit(int i) {
        return (int) figures[STRIDE * i + TEER_BIT];
    }

    /** The {@link #SKILLED_OCCUPATION} and {@link #TRADE} bits of job {@code i}'s NOC. */
    int kinds(int i) {
        return (int) figures[STRIDE * i + KINDS];
    }

    private double hours(long windowStart, long windowEnd, int country, int teers, int occ) {
        double sum = 0;
        boolean overlap = false;
        for (int i = 0; i < jobs; i++) {
            if (!matches(i, country, teers, occ)) {
                continue;
            }
            long s = Math.max(from(i), windowStart);
            long e = Math.min(to(i), windowEnd);
            if (e < s) {
                continue;
            }
            sum += (e - s + 1) * weekly(i) / 7.0;
            for (int j = 0; j < i && overlapping && !overlap; j++) {
                if (matches(j, country, teers, occ)) {
                    long os = Math.max(from(j), windowStart);
                    long oe = Math.min(to(j), windowEnd);
                    overlap = os <= oe && os <= e && s <= oe;
                }
            }
        }
        return overlap ? sweep(windowStart, windowEnd, country, teers, occ) : sum;
    }

    /** Overlapping jobs: per stretch of days, the sum of weekly hours capped at 30. */
    private double sweep(long windowStart, long windowEnd, int country, int teers, int occ) {
        long[] points = new long[2 * jobs];
        int k = 0;
        for (int i = 0; i < jobs; i++) {
            if (matches(i, country, teers, occ)) {
                long s = Math.max(from(i), windowStart);
                long e = Math.min(to(i), windowEnd);
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
            for (int i = 0; i < jobs; i++) {
                if (matches(i, country, teers, occ)
                        && Math.max(from(i), windowStart) <= first
                        && Math.min(to(i), windowEnd) >= until - 1) {
                    week += weekly(i);
                }
            }
            sum += (until - first) * Math.min(WorkHours.FULL_TIME_WEEK, week) / 7.0;
        }
        return sum;
    }

    /**
     * The most hours of one occupation worked without a break: entries of that occupation that
     * follow each other (next start at most the day after the previous end) form one run. Used where
     * the rules say "continuous" (FSW: 1 year; categories before 2026-02-18: 6 months).
     */
    double longestRun(long windowStart, long windowEnd, int country, int occ) {
        double best = 0;
        for (int i = 0; i < jobs; i++) {
            if (!matches(i, country, 0, occ)) {
                continue;
            }
            // grow the run that contains job i in both directions
            long runStart = Math.max(from(i), windowStart);
            long runEnd = Math.min(to(i), windowEnd);
            if (runEnd < runStart) {
                continue;
            }
            boolean grew = true;
            while (grew) {
                grew = false;
                for (int j = 0; j < jobs; j++) {
                    if (!matches(j, country, 0, occ)) {
                        continue;
                    }
                    long s = Math.max(from(j), windowStart);
                    long e = Math.min(to(j), windowEnd);
                    if (e >= s && s <= runEnd + 1 && e >= runStart - 1 && (s < runStart || e > runEnd)) {
                        runStart = Math.min(runStart, s);
                        runEnd = Math.max(runEnd, e);
                        grew = true;
                    }
                }
            }
            best = Math.max(best, hours(runStart, runEnd, country, 0, occ));
        }
        return best;
    }

    /**
     * The most hours in one occupation of {@code kind} ({@link #SKILLED_OCCUPATION}, {@link #TRADE}),
     * {@link #longestRun} if {@code continuous}.
     */
    double bestOccupation(long windowStart, long windowEnd, int country, int kind, boolean continuous) {
        return best(windowStart, windowEnd, country, null, kind, continuous);
    }

    /**
     * The most hours in one occupation on a category list: {@code listedIn[job]} has bit {@code list}
     * set when the list names the job's occupation; {@link #longestRun} if {@code continuous}.
     */
    double bestListedOccupation(
            long windowStart, long windowEnd, int country, int[] listedIn, int list, boolean continuous) {
        return best(windowStart, windowEnd, country, listedIn, list, continuous);
    }

    private double best(long windowStart, long windowEnd, int country, int[] marks, int mark, boolean continuous) {
        double best = 0;
        for (int i = 0; i < jobs; i++) {
            int marked = marks == null ? kinds(i) : marks[i];
            if ((marked & mark) == 0 || occupation(i) != i) {
                continue;
            }
            double h = continuous
                    ? longestRun(windowStart, windowEnd, country, i)
                    : hours(windowStart, windowEnd, country, 0, i);
            best = Math.max(best, h);
        }
        return best;
    }
}
