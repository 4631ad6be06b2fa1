package ca.eeradar.forecast;

import ca.eeradar.contracts.rounds.RoundStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The streams' outlooks as of one date, before calibration: what one candidate's raw forecast is computed from.
 * Built once per as-of date (a few hundred rounds) and kept until the next round; one candidate then costs a walk
 * over 180 days with a table look-up per eligible stream when the candidate's standing changes.
 *
 * <p>Given a shift of the cutoff levels, each expected round of an eligible stream invites independently:
 * P(no invitation in (t, t+d]) = exp(-sum over days k <= d and eligible streams s of rounds_s(k) *
 * hazard_s(score on day k)), where hazard_s = -ln P(cutoff_s > score); no hazard after the profile expires.
 */
public final class RoundOutlook {
    private final LocalDate asOf;
    private final LocalDate lastRound;
    private final Map<RoundStream, StreamOutlook> streams;
    /** Shifts of the cutoff level shared by a window's rounds, in points, and their probabilities. */
    private final int[] shifts;

    private final double[] shiftWeights;

    private RoundOutlook(LocalDate asOf, LocalDate lastRound, Map<RoundStream, StreamOutlook> streams, double shiftSd) {
        this.asOf = asOf;
        this.lastRound = lastRound;
        this.streams = streams;
        if (shiftSd <= 0) {
            shifts = new int[] {0};
            shiftWeights = new double[] {1};
        } else {
            // Binomial(4, 1/2) - 2 has variance 1: five points carrying a normal shift of shiftSd
            shifts = new int[5];
            for (int j = 0; j < 5; j++) {
                shifts[j] = (int) Math.round((j - 2) * shiftSd);
            }
            shiftWeights = new double[] {1 / 16.0, 4 / 16.0, 6 / 16.0, 4 / 16.0, 1 / 16.0};
        }
    }

    /** Fits on the rounds of {@code history} dated strictly before {@code asOf}; later rounds are never read. */
    public static RoundOutlook fit(RoundHistory history, LocalDate asOf, ModelSettings settings) {
        List<PastRound> known = history.before(asOf);
        LocalDate lastRound =
                known.isEmpty() ? null : known.get(known.size() - 1).date();
        return new RoundOutlook(asOf, lastRound, StreamFit.fit(known, asOf, settings), settings.cutoffShiftSd());
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** The latest round known, null with none. */
    public LocalDate lastRound() {
        return lastRound;
    }

    public Map<RoundStream, StreamOutlook> streams() {
        return streams;
    }

    /**
     * P(invited by day d) for d = 1..180 before calibration, and into {@code alone90} each eligible stream's own
     * P(invited within 90 days).
     *
     * <p>The rounds of a stream do not draw their cutoffs independently: when cutoffs rise they rise for months.
     * So the whole window shares one shift of the stream's cutoff distribution, averaged over {@link #SHIFTS}
     * (a binomial approximation of a normal shift of {@code cutoffShiftSd} points); given the shift, rounds invite
     * independently.
     *
     * @param expiry the last day the profile can be invited (12 months after submission); null if unknown
     */
    public InvitationCurve invitedBy(CandidateTimeline timeline, LocalDate expiry, Map<RoundStream, double[]> alone90) {
        int k = shifts.length;
        double[][] cumulative = new double[k][Horizon.LONGEST + 1];
        Standing previous = null;
        StreamOutlook[] eligible = new StreamOutlook[0];
        double[][] hazards = new double[0][];
        // alone90's sums of the eligible streams, aligned with eligible[]: the inner loop adds to arrays, no map
        // look-up per day, stream and shift.
        double[][] aloneSums = new double[0][];
        LocalDate date = asOf;
        for (int day = 1; day <= Horizon.LONGEST; day++) {
            date = date.plusDays(1);
            boolean expired = expiry != null && date.isAfter(expiry);
            Standing standing = expired ? previous : timeline.on(date);
            if (!expired && standing != previous && !standing.equals(previous)) {
                eligible = eligible(standing.streams());
                hazards = new double[eligible.length][k];
                aloneSums = new double[eligible.length][];
                for (int i = 0; i < eligible.length; i++) {
                    for (int j = 0; j < k; j++) {
                        hazards[i][j] = eligible[i].perRoundHazard(standing.score() - shifts[j]);
                    }
                    if (alone90 != null && day <= Horizon.D90.days) {
                        aloneSums[i] = alone90.computeIfAbsent(eligible[i].stream(), s -> new double[k]);
                    }
                }
                previous = standing;
            }
            boolean countAlone = alone90 != null && day <= Horizon.D90.days;
            for (int j = 0; j < k; j++) {
                double dayHazard = 0;
                if (!expired) {
                    for (int i = 0; i < eligible.length; i++) {
                        double h = eligible[i].roundsByDay()[day] * hazards[i][j];
                        dayHazard += h;
                        if (countAlone) {
                            aloneSums[i][j] += h;
                        }
                    }
                }
                cumulative[j][day] = cumulative[j][day - 1] + dayHazard;
            }
        }
        if (alone90 != null) {
            alone90.replaceAll((stream, sums) -> new double[] {InvitationCurve.invited(sums, shiftWeights)});
        }
        return new InvitationCurve(cumulative, shiftWeights);
    }

    private StreamOutlook[] eligible(Set<RoundStream> candidateStreams) {
        StreamOutlook[] result = new StreamOutlook[candidateStreams.size()];
        int n = 0;
        for (RoundStream stream : candidateStreams) {
            StreamOutlook outlook = streams.get(stream);
            if (outlook != null) {
                result[n++] = outlook;
            }
        }
        return n == result.length ? result : java.util.Arrays.copyOf(result, n);
    }

    /** P(invited within {@code days}) before calibration. */
    public double rawWithin(CandidateTimeline timeline, LocalDate expiry, int days) {
        return invitedBy(timeline, expiry, null).at(days);
    }

    static Map<RoundStream, double[]> newStreamSums() {
        return new LinkedHashMap<>();
    }
}
