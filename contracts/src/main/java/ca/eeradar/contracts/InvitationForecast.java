package ca.eeradar.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored candidate's invitation forecast (schema {@code invitation-forecast.v1.schema.json}): a statistical
 * estimate from the public round history. Carries no personal data: only the opaque id and probabilities.
 */
public record InvitationForecast(
        String candidateId,
        /** Day the forecast was computed for; rounds dated strictly before it were used. */
        LocalDate asOf,
        /** Date of the latest round the model learned from. */
        LocalDate dataAsOf,
        String modelVersion,
        /** P(invited by a round within 30, 90 and 180 days after asOf). */
        List<HorizonProbability> horizons,
        /** First day the cumulative probability reaches 50%, or null if not within 180 days. */
        LocalDate halfwayBy,
        /** Per eligible stream, its own 90-day probability. */
        List<StreamProbability> streams,
        Instant computedAt) {

    public record HorizonProbability(int days, double probability) {}

    /** stream: "GENERAL", "PROGRAM:CEC", "CATEGORY:STEM", ... */
    public record StreamProbability(String stream, double probability90) {}
}
