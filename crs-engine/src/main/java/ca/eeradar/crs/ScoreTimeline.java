package ca.eeradar.crs;

import ca.eeradar.crs.ScoreReport.TimelineEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The timeline of a score report: the days ahead on which something a candidate cares about changes. */
final class ScoreTimeline {
    private final RuleBook rules;
    private final CategoryLists categoryLists;

    ScoreTimeline(RuleBook rules, CategoryLists categoryLists) {
        this.rules = rules;
        this.categoryLists = categoryLists;
    }

    /**
     * Every day of the next 24 months where the total, the profile's validity, its programs or its
     * categories change (birthdays, test and ECA expiries, experience anniversaries, experience
     * leaving its window, a new rule set), with the total from that day.
     *
     * <p>Evaluating all ~731 days is slow, so only the days where something can change
     * are evaluated: every dated input of the profile and of the rules ({@link ChangeDays}), and the
     * days work hours may reach a threshold. Hours move by at most the profile's weekly hours / 7 a
     * day at each end of a window ({@link ChangeDays#safeDays}), so the distance to the nearest threshold seen
     * on a date ({@link Facts#watch}) says how many following days are certainly identical to it. The
     * answer is the day-by-day one (TimelineEquivalenceTest compares them).
     */
    List<TimelineEntry> from(
            DecodedProfile profile,
            LocalDate asOf,
            Facts f0,
            Points p0,
            boolean valid0,
            int programs0,
            int categories0) {
        List<TimelineEntry> timeline = new ArrayList<>();
        LocalDate end = asOf.plusMonths(CrsEngine.TIMELINE_MONTHS);
        long endDay = end.toEpochDay();
        long[] events = ChangeDays.of(rules, categoryLists, profile.profile, asOf, end);
        double[] rates = new double[2];
        int nextEvent = -1;
        Facts prevF = f0;
        Points prevP = p0;
        boolean prevValid = valid0;
        int prevPrograms = programs0;
        int prevCategories = categories0;
        long asOfDay = asOf.toEpochDay();
        long day = asOfDay;
        while (true) {
            int passed = nextEvent;
            while (nextEvent < events.length && (nextEvent < 0 || events[nextEvent] <= day)) {
                nextEvent++;
            }
            long limit = nextEvent < events.length ? events[nextEvent] : endDay + 1;
            if (nextEvent != passed) {
                // a new stretch between two change days: the bounds hold from here to its end
                ChangeDays.hourRates(profile.profile, day, Math.min(limit, endDay), rates);
            }
            long next = Math.min(limit, day + ChangeDays.safeDays(prevF, rates[0], rates[1]));
            if (next > endDay) {
                break;
            }
            if (day == asOfDay && next > day + 1) {
                // The day-by-day walk would have stored asOf + 1's categories, masked to 0 when not valid
                // (score() passes them unmasked); later days compare with that.
                prevCategories = prevValid ? prevCategories : 0;
            }
            day = next;
            LocalDate d = LocalDate.ofEpochDay(day);
            Facts f = new Facts(profile, new ScoringDay(d, rules, categoryLists), true);
            RuleSet r = f.rules;
            Points p = CrsEngine.points(f);
            boolean valid = CrsEngine.valid(f, p);
            int programs = valid ? ProgramRules.programs(f, p, null, null) : 0;
            int categories = valid ? ProgramRules.categories(f) : 0;
            if (p.total != prevP.total
                    || valid != prevValid
                    || programs != prevPrograms
                    || (categories != prevCategories && programs != 0)
                    || r != prevF.rules) {
                timeline.add(new TimelineEntry(
                        d,
                        ChangeDescription.of(
                                prevF,
                                prevP,
                                prevValid,
                                prevPrograms,
                                prevCategories,
                                f,
                                p,
                                valid,
                                programs,
                                categories),
                        p.total));
            }
            prevF = f;
            prevP = p;
            prevValid = valid;
            prevPrograms = programs;
            prevCategories = categories;
        }
        return Collections.unmodifiableList(timeline);
    }
}
