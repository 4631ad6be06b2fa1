package ca.eeradar.forecast;

import ca.eeradar.contracts.rounds.RoundStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits each stream's outlook from the rounds known before the as-of date: a recency-weighted round rate and a
 * recency-weighted empirical distribution of cutoffs.
 */
final class StreamFit {
    /** A stream's exposure starts this long before its first round, so a stream seen once is not "daily". */
    private static final int LEAD_IN_DAYS = 30;

    private StreamFit() {}

    static Map<RoundStream, StreamOutlook> fit(List<PastRound> known, LocalDate asOf, ModelSettings settings) {
        Map<RoundStream, List<PastRound>> byStream = new LinkedHashMap<>();
        for (PastRound round : known) {
            if (!round.date().isBefore(asOf)) {
                throw new IllegalArgumentException("round of " + round.date() + " is not known before " + asOf);
            }
            byStream.computeIfAbsent(round.stream(), s -> new ArrayList<>()).add(round);
        }
        Map<RoundStream, StreamOutlook> outlooks = new LinkedHashMap<>();
        byStream.forEach((stream, rounds) -> outlooks.put(stream, outlook(stream, rounds, asOf, settings)));
        return outlooks;
    }

    private static StreamOutlook outlook(
            RoundStream stream, List<PastRound> rounds, LocalDate asOf, ModelSettings settings) {
        double rate = roundsPerDay(rounds, asOf, settings);
        return new StreamOutlook(
                stream, rate, roundsByDay(rounds, asOf, settings, rate), hazardByScore(rounds, asOf, settings));
    }

    /**
     * Expected rounds on each day 1..180, a renewal process on the stream's own rhythm. IRCC draws a stream on a
     * rhythm (every other Wednesday, for years), so the next round is placed by the stream's recency-weighted gaps
     * between rounds given the days already passed since its last round (a round 13 days ago means the next is due
     * in a day or two), and each later round one such gap after the previous one. Gaps longer than 180 days keep
     * their weight, so a stream that once paused for a year keeps that chance of pausing again. A dormant stream,
     * or one overdue beyond every gap it has had, draws at its rate from the first day.
     */
    static double[] roundsByDay(List<PastRound> rounds, LocalDate asOf, ModelSettings settings, double rate) {
        double[] byDay = new double[Horizon.LONGEST + 1];
        if (rate == 0) {
            return byDay;
        }
        if (age(rounds.get(rounds.size() - 1), asOf) > settings.dormantAfterDays()) {
            Arrays.fill(byDay, 1, byDay.length, rate);
            return byDay;
        }
        double decay = Math.log(2) / settings.rateHalfLifeDays();
        long sinceLast = age(rounds.get(rounds.size() - 1), asOf);
        double[] gapOf = new double[Horizon.LONGEST + 1];
        double[] nextOn = new double[Horizon.LONGEST + 1];
        double allGaps = 0;
        double stillWaiting = 0;
        for (int i = 1; i < rounds.size(); i++) {
            long gap = ChronoUnit.DAYS.between(
                    rounds.get(i - 1).date(), rounds.get(i).date());
            if (gap == 0) {
                continue; // two rounds of one day (91a, 91b): the rhythm is the days between draws
            }
            double w = Math.exp(-decay * (age(rounds.get(i), asOf) - 1));
            allGaps += w;
            if (gap <= Horizon.LONGEST) {
                gapOf[(int) gap] += w;
            }
            if (gap > sinceLast) { // a shorter gap would have ended before today
                stillWaiting += w;
                if (gap - sinceLast <= Horizon.LONGEST) {
                    nextOn[(int) (gap - sinceLast)] += w;
                }
            }
        }
        if (stillWaiting == 0) {
            Arrays.fill(byDay, 1, byDay.length, rate);
            return byDay;
        }
        for (int day = 1; day <= Horizon.LONGEST; day++) {
            double expected = nextOn[day] / stillWaiting;
            for (int earlier = 1; earlier < day; earlier++) {
                expected += byDay[earlier] * gapOf[day - earlier] / allGaps;
            }
            byDay[day] = expected;
        }
        return byDay;
    }

    /**
     * Rounds per day, exponentially weighted: sum of the rounds' weights over the weighted days the stream was
     * watched (from a month before its first round). A stream silent for {@code dormantAfterDays} draws at the
     * restart rate.
     */
    static double roundsPerDay(List<PastRound> rounds, LocalDate asOf, ModelSettings settings) {
        long sinceLast = age(rounds.get(rounds.size() - 1), asOf);
        if (sinceLast > settings.dormantAfterDays()) {
            return settings.restartRoundsPerDay();
        }
        double decay = Math.log(2) / settings.rateHalfLifeDays();
        double weightedRounds = 0;
        for (PastRound round : rounds) {
            weightedRounds += Math.exp(-decay * (age(round, asOf) - 1));
        }
        long watched = age(rounds.get(0), asOf) + LEAD_IN_DAYS;
        // the integral of exp(-decay * a) over the watched ages 0..watched
        double weightedDays = (1 - Math.exp(-decay * watched)) / decay;
        return weightedRounds / weightedDays;
    }

    /** -ln(1 - P(cutoff <= score)) with P the recency-weighted share of the stream's cutoffs at or below the score. */
    static double[] hazardByScore(List<PastRound> rounds, LocalDate asOf, ModelSettings settings) {
        double decay = Math.log(2) / settings.cutoffHalfLifeDays();
        double[] weightAt = new double[Scores.MAX + 1];
        double total = 0;
        for (PastRound round : rounds) {
            double w = Math.exp(-decay * (age(round, asOf) - 1));
            weightAt[round.cutoff()] += w;
            total += w;
        }
        double[] hazard = new double[Scores.MAX + 1];
        double cumulative = 0;
        for (int score = 0; score <= Scores.MAX; score++) {
            cumulative += weightAt[score];
            double atMost = Math.min(cumulative / total, StreamOutlook.MAX_PER_ROUND);
            hazard[score] = -Math.log1p(-atMost);
        }
        return hazard;
    }

    private static long age(PastRound round, LocalDate asOf) {
        return ChronoUnit.DAYS.between(round.date(), asOf);
    }
}
