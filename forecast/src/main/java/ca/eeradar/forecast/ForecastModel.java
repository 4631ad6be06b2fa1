package ca.eeradar.forecast;

import java.time.LocalDate;

/**
 * The entry point: a round history (IRCC rounds only, see {@link RoundHistory#ofDraws}) from which a forecaster for
 * any as-of date is built. The forecaster of a date reads only rounds dated strictly before it; keep it until the
 * next round arrives and ask it for as many candidates as needed.
 */
public final class ForecastModel {
    private final RoundHistory history;
    private final ModelSettings settings;
    private final CalibrationPoints calibration;

    public ForecastModel(RoundHistory history, ModelSettings settings) {
        this.history = history;
        this.settings = settings;
        this.calibration = new CalibrationPoints(history, settings);
    }

    public ForecastModel(RoundHistory history) {
        this(history, ModelSettings.DEFAULT);
    }

    /** Calibrated on earlier as-of dates of the same history (walk-forward). */
    public InvitationForecaster asOf(LocalDate asOf) {
        return new InvitationForecaster(RoundOutlook.fit(history, asOf, settings), calibration.calibrationAsOf(asOf));
    }

    /** Without calibration: the plain thinning model, whose numbers a test can work out by hand. */
    public InvitationForecaster uncalibratedAsOf(LocalDate asOf) {
        return new InvitationForecaster(RoundOutlook.fit(history, asOf, settings), Calibration.identity());
    }
}
