package ca.eeradar.crs;

/**
 * The arithmetic of work hours (docs/crs-rules.md#core, #eligibility): 30 h/week is full time, 1,560 h
 * is one year, hours beyond 30 a week do not count. {@link WorkHistory} counts hours with it, the rules
 * compare them with what they need, the timeline's {@link ChangeDays} caps weekly hours the same way.
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
}
