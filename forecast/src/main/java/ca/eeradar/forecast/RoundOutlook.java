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
 * <p>Each expected round of an eligible stream invites independently: P(no invitation in (t, t+d]) =
 * exp(-sum over days k <= d and eligible streams s of rounds_s(k) * hazard_s(score on day k)), where
 * hazard_s = -ln P(cutoff_s > score); no hazard after the profile expires.
 */
public final class RoundOutlook {
    private final LocalDate asOf;
    private final Map<RoundStream, StreamOutlook> streams;

    private RoundOutlook(LocalDate asOf, Map<RoundStream, StreamOutlook> streams) {
        this.asOf = asOf;
        this.streams = streams;
    }

    /** Fits on the rounds of {@code history} dated strictly before {@code asOf}; later rounds are never read. */
    public static RoundOutlook fit(RoundHistory history, LocalDate asOf, ModelSettings settings) {
        List<PastRound> known = history.before(asOf);
        return new RoundOutlook(asOf, StreamFit.fit(known, asOf, settings));
    }

    public LocalDate asOf() {
        return asOf;
    }

    public Map<RoundStream, StreamOutlook> streams() {
        return streams;
    }

    /**
     * The raw cumulative hazard of each day 1..180 after the as-of date (index 0 is the as-of day itself, 0), and
     * into {@code alone90} each eligible stream's own hazard over the first 90 days.
     *
     * @param expiry the last day the profile can be invited (12 months after submission); null if unknown
     */
    public double[] cumulativeHazard(CandidateTimeline timeline, LocalDate expiry, Map<RoundStream, double[]> alone90) {
        double[] cumulative = new double[Horizon.LONGEST + 1];
        Standing previous = null;
        StreamOutlook[] eligible = new StreamOutlook[0];
        double[] hazards = new double[0];
        LocalDate date = asOf;
        for (int day = 1; day <= Horizon.LONGEST; day++) {
            date = date.plusDays(1);
            if (expiry != null && date.isAfter(expiry)) {
                cumulative[day] = cumulative[day - 1];
                continue;
            }
            Standing standing = timeline.on(date);
            if (standing != previous && !standing.equals(previous)) {
                eligible = eligible(standing.streams());
                hazards = new double[eligible.length];
                for (int i = 0; i < eligible.length; i++) {
                    hazards[i] = eligible[i].perRoundHazard(standing.score());
                }
                previous = standing;
            }
            double dayHazard = 0;
            for (int i = 0; i < eligible.length; i++) {
                dayHazard += eligible[i].roundsByDay()[day] * hazards[i];
            }
            cumulative[day] = cumulative[day - 1] + dayHazard;
            if (alone90 != null && day <= Horizon.D90.days) {
                for (int i = 0; i < eligible.length; i++) {
                    alone90.computeIfAbsent(eligible[i].stream(), s -> new double[1])[0]
                            += eligible[i].roundsByDay()[day] * hazards[i];
                }
            }
        }
        return cumulative;
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
        return 1 - Math.exp(-cumulativeHazard(timeline, expiry, null)[days]);
    }

    static Map<RoundStream, double[]> newStreamSums() {
        return new LinkedHashMap<>();
    }
}
