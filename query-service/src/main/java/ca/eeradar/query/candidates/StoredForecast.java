package ca.eeradar.query.candidates;

import ca.eeradar.contracts.InvitationForecast;
import ca.eeradar.query.forecasts.ForecastAnswers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored candidate's latest invitation forecast in the status answer, in the shape of the hypothetical
 * {@code GET /api/v1/forecasts} answer (probabilities to three decimals, keyed by horizon in days), with the
 * statement of what it is and the model version.
 */
public record StoredForecast(
        LocalDate asOf,
        LocalDate dataAsOf,
        String modelVersion,
        String estimate,
        /** P(invited by a round within 30, 90 and 180 days after asOf), keyed "30", "90", "180". */
        Map<String, Double> within,
        /** First day the cumulative probability reaches 50%; null if not within 180 days. */
        LocalDate halfwayBy,
        /** Per eligible stream, its own 90-day probability. */
        List<StreamChance> streams,
        Instant computedAt) {

    public record StreamChance(String stream, double within90Days) {}

    static StoredForecast of(InvitationForecast f) {
        Map<String, Double> within = new LinkedHashMap<>();
        f.horizons().forEach(h -> within.put(String.valueOf(h.days()), ForecastAnswers.round(h.probability())));
        List<StreamChance> streams = f.streams().stream()
                .map(s -> new StreamChance(s.stream(), ForecastAnswers.round(s.probability90())))
                .toList();
        return new StoredForecast(
                f.asOf(),
                f.dataAsOf(),
                f.modelVersion(),
                ForecastAnswers.ESTIMATE,
                within,
                f.halfwayBy(),
                streams,
                f.computedAt());
    }
}
