package ca.eeradar.contracts.rules;

import java.time.LocalDate;

/**
 * The date a published score is computed as of: the first day of the month of the day it is
 * computed on. A score that changes with the calendar alone (a birthday lowers the age points, a
 * test or an ECA expires) therefore changes on a public topic on the 1st of a month, never on the
 * birthday or the expiry date itself, so a subscriber cannot read the day of birth or of a test from
 * the day a change appears (README "Privacy"). Producers score with it on every path (an edit and
 * the daily re-score alike), so that the same profile gives the same score all month long.
 */
public final class ScoreMonth {
    /** The schemas' literal for such a date: an ISO date on the 1st. */
    public static final String PATTERN = "[0-9]{4}-[0-9]{2}-01";

    private ScoreMonth() {}

    /** The first day of {@code day}'s month. */
    public static LocalDate of(LocalDate day) {
        return day.withDayOfMonth(1);
    }

    public static boolean isValid(LocalDate asOf) {
        return asOf != null && asOf.getDayOfMonth() == 1;
    }
}
