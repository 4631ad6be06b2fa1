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

    /** The model version a published forecast carries ({@link ModelSettings#MODEL_VERSION}). */
    public String modelVersion() {
        return ModelSettings.MODEL_VERSION;
    }

    /** "Data as of": the date of the latest round this forecaster learned from, null with none. */
    public LocalDate dataAsOf() {
        return outlook.lastRound();
    }

    /**
     * @param expiry the profile's last day in the pool (12 months after submission), null if unknown
     */
    public Forecast forecast(CandidateTimeline timeline, LocalDate expiry) {
        Map<RoundStream, double[]> alone = new HashMap<>(8);
        InvitationCurve curve = outlook.invitedBy(timeline, expiry, alone);
        Map<Horizon, Double> within = new EnumMap<>(Horizon.class);
        for (Horizon h : Horizon.values()) {
            within.put(h, calibration.apply(h, curve.at(h.days)));
        }
        Map<RoundStream, Double> alone90 = new HashMap<>(alone.size() * 2);
        alone.forEach((stream, p) -> alone90.put(stream, calibration.apply(Horizon.D90, p[0])));
        return new Forecast(asOf(), within, halfwayBy(curve), alone90);
    }

    /** P(invited within {@code horizon}) alone, the cheapest question (the backtest asks it 250,000 times). */
    public double within(CandidateTimeline timeline, LocalDate expiry, Horizon horizon) {
        return calibration.apply(horizon, outlook.rawWithin(timeline, expiry, horizon.days));
    }

    /**
     * The first day whose cumulative probability reaches 50%. Day d is calibrated with the shortest horizon that
     * covers it; within a horizon's days the calibrated curve is non-decreasing (a monotone map of a non-decreasing
     * curve), so each horizon's stretch is searched by bisection, the earliest first.
     */
    private LocalDate halfwayBy(InvitationCurve curve) {
        int from = 1;
        for (Horizon h : Horizon.values()) {
            if (calibration.apply(h, curve.at(h.days)) >= 0.5) {
                int lo = from;
                int hi = h.days;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (calibration.apply(h, curve.at(mid)) >= 0.5) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                return asOf().plusDays(lo);
            }
            from = h.days + 1;
        }
        return null;
    }
}
