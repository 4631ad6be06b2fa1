package ca.eeradar.forecast;

/**
 * The model's few choices (docs/forecast.md says why these values).
 *
 * @param rateHalfLifeDays      a round this many days old counts half as much in a stream's round rate
 * @param cutoffHalfLifeDays    the same for the stream's cutoff distribution: cutoffs drift faster than rates
 * @param dormantAfterDays      a stream without a round for this long is expected to draw none (GENERAL in
 *                              2021-2022: IRCC stops a stream by decision, it does not fade out)
 * @param calibrationLookbackDays how far back the walk-forward calibration reaches for its earlier as-of dates
 */
public record ModelSettings(double rateHalfLifeDays, double cutoffHalfLifeDays, int dormantAfterDays,
                            int calibrationLookbackDays) {
    public static final ModelSettings DEFAULT = new ModelSettings(180, 90, 120, 4 * 365);

    /** The model version forecasts carry, so a changed model is never mistaken for a changed candidate. */
    public static final String MODEL_VERSION = "forecast-1";
}
