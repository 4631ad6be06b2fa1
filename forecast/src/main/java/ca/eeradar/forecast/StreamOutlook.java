package ca.eeradar.forecast;

import ca.eeradar.contracts.rounds.RoundStream;

/**
 * A stream's expected rounds and, for each integer score, how strongly one of its rounds invites that score.
 *
 * @param roundsPerDay  the stream's recency-weighted rate, rounds per day
 * @param roundsByDay   expected rounds on each day 1..180 after the as-of date (index 0 unused): the next round
 *                      and the ones after it placed by the stream's gaps between rounds
 * @param hazardByScore -ln P(one round's cutoff > score), by score 0..1200: summed over expected rounds it gives
 *                      -ln P(no round invites the score), the form in which streams and days simply add up
 */
public record StreamOutlook(RoundStream stream, double roundsPerDay, double[] roundsByDay, double[] hazardByScore) {
    /** P(cutoff <= score) of one round is capped here: no history proves a stream will invite a score for sure. */
    static final double MAX_PER_ROUND = 0.999;

    /** -ln P(one round's cutoff > score). */
    public double perRoundHazard(int score) {
        return hazardByScore[Scores.clamp(score)];
    }

    /** Expected rounds in days 1..{@code days} after the as-of date. */
    public double expectedRounds(int days) {
        double sum = 0;
        for (int day = 1; day <= days; day++) {
            sum += roundsByDay[day];
        }
        return sum;
    }

    /** P(cutoff <= score) of the stream's next round. */
    public double cutoffAtMost(int score) {
        return 1 - Math.exp(-hazardByScore[Scores.clamp(score)]);
    }

    /**
     * The lowest score the next round's cutoff is at or below with probability {@code q} (p10, p50, p90 for the
     * streams endpoint), read from the same recency-weighted distribution; -1 when the stream has no rounds' worth
     * of that probability (q above the 0.999 cap).
     */
    public int cutoffQuantile(double q) {
        for (int score = 0; score <= Scores.MAX; score++) {
            if (cutoffAtMost(score) >= q - 1e-12) {
                return score;
            }
        }
        return -1;
    }
}
