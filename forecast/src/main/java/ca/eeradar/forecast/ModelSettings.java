package ca.eeradar.forecast;

/**
 * The model's few choices (docs/forecast.md says why these values).
 *
 * @param rateHalfLifeDays      a round this many days old counts half as much in a stream's round rate
 * @param cutoffHalfLifeDays    the same for the stream's cutoff distribution: cutoffs drift faster than rates
 * @param dormantAfterDays      a stream without a round for this long is dormant (GENERAL in 2021-2022: IRCC stops
 *                              a stream by decision, it does not fade out) ...
 * @param restartRoundsPerDay   ... and draws at this rate: IRCC restarts streams too (GENERAL in July 2022)
 * @param cutoffShiftSd         standard deviation, in points, of the shift all of a window's cutoffs share
 * @param calibrationHalfLifeDays an earlier as-of date this many days old counts half as much in the calibration:
 *                              IRCC changes course (2021's CEC-only rounds, 2023's categories) and the calibration
 *                              must follow within months, not years
 */
public record ModelSettings(
        double rateHalfLifeDays,
        double cutoffHalfLifeDays,
        int dormantAfterDays,
        double restartRoundsPerDay,
        double cutoffShiftSd,
        double calibrationHalfLifeDays) {
    public static final ModelSettings DEFAULT = new ModelSettings(180, 90, 120, 1.0 / 730, 10, 730);

    /** The model version forecasts carry, so a changed model is never mistaken for a changed candidate. */
    public static final String MODEL_VERSION = "forecast-1";
}
