package ca.eeradar.forecast;

import ca.eeradar.contracts.rounds.RoundStream;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** The model as of one date: stream outlooks plus calibration. Immutable and thread-safe. */
public final class InvitationForecaster {
    private final RoundOutlook outlook;
    private final Calibration calibration;

    InvitationForecaster(RoundOutlook outlook, Calibration calibration) {
        this.outlook = outlook;
        this.calibration = calibration;
    }

    public LocalDate asOf() {
        return outlook.asOf();
    }

    public RoundOutlook outlook() {
        return outlook;
    }

    /**
     * @param expiry the profile's last day in the pool (12 months after submission), null if unknown
     */
    public Forecast forecast(CandidateTimeline timeline, LocalDate expiry) {
        Map<RoundStream, double[]> alone = new HashMap<>(8);
        double[] invitedBy = outlook.invitedBy(timeline, expiry, alone);
        Map<Horizon, Double> within = new EnumMap<>(Horizon.class);
        for (Horizon h : Horizon.values()) {
            within.put(h, calibration.apply(h, invitedBy[h.days]));
        }
        Map<RoundStream, Double> alone90 = new HashMap<>(alone.size() * 2);
        alone.forEach((stream, p) -> alone90.put(stream, calibration.apply(Horizon.D90, p[0])));
        return new Forecast(asOf(), within, halfwayBy(invitedBy), alone90);
    }

    /** P(invited within {@code horizon}) alone, the cheapest question (the backtest asks it 250,000 times). */
    public double within(CandidateTimeline timeline, LocalDate expiry, Horizon horizon) {
        return calibration.apply(horizon, outlook.rawWithin(timeline, expiry, horizon.days));
    }

    /**
     * The first day whose cumulative probability reaches 50%. Day d is calibrated with the shortest horizon that
     * covers it, and the curve kept non-decreasing across the horizons' seams.
     */
    private LocalDate halfwayBy(double[] invitedBy) {
        double best = 0;
        for (int day = 1; day <= Horizon.LONGEST; day++) {
            Horizon h = day <= Horizon.D30.days ? Horizon.D30 : day <= Horizon.D90.days ? Horizon.D90 : Horizon.D180;
            best = Math.max(best, calibration.apply(h, invitedBy[day]));
            if (best >= 0.5) {
                return asOf().plusDays(day);
            }
        }
        return null;
    }
}
