package ca.eeradar.crs;

import ca.eeradar.crs.Profile.WorkExperience;
import java.util.List;

/**
 * One person's work entries ({@link Profile#workExperience()}), decoded once by {@link DecodedProfile}:
 * epoch days, capped weekly hours, TEER, Canada or not, same-occupation index, FSW/FST kinds. None of
 * that depends on the date; a profile is scored on many dates (every draw, the daily re-score, each
 * day of the timeline) and the rules ask for hours ({@link WorkHours}) a dozen times per date (CRS,
 * CEC, FSW, FST, every category). The figures of all jobs sit side by side in one array (see
 * {@link DecodedProfile} for why). Entries that can never count (no NOC of 5 characters, no start
 * date) are left out.
 */
final class WorkHistory {
    static final int ANY_COUNTRY = 0;
    static final int CANADA = 1;
    static final int ABROAD = 2;
    static final int SKILLED = 0b1111; // TEER 0-3
    static final int TEER_0_1 = 0b0011;
    static final int TEER_2_3 = 0b1100;

    /** Kinds of occupation a job is in, for {@link WorkHours#bestOccupation}. */
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
     * needs the 30 h/week cap across jobs ({@link WorkHours#hours}).
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

    /** {@code 1 << TEER} of job {@code i}'s NOC. */
    int teerBit(int i) {
        return (int) figures[STRIDE * i + TEER_BIT];
    }

    /** The {@link #SKILLED_OCCUPATION} and {@link #TRADE} bits of job {@code i}'s NOC. */
    int kinds(int i) {
        return (int) figures[STRIDE * i + KINDS];
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
}
