package ca.eeradar.scoring.forecasts;

import ca.eeradar.contracts.InvitationForecast;
import ca.eeradar.forecast.Forecast;
import ca.eeradar.forecast.Horizon;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Turns the model's forecast of one stored candidate into the public event: the id and probabilities only. */
public final class ForecastEvents {
    private ForecastEvents() {}

    public static InvitationForecast of(
            String candidateId,
            Forecast forecast,
            String modelVersion,
            java.time.LocalDate dataAsOf,
            Instant computedAt) {
        List<InvitationForecast.HorizonProbability> horizons = Arrays.stream(Horizon.values())
                .map(h -> new InvitationForecast.HorizonProbability(h.days, forecast.within(h)))
                .toList();
        // Sorted by stream id so that two computations of the same forecast are equal records.
        List<InvitationForecast.StreamProbability> streams = forecast.streamsAlone90().entrySet().stream()
                .map(e -> new InvitationForecast.StreamProbability(e.getKey().id(), e.getValue()))
                .sorted(Comparator.comparing(InvitationForecast.StreamProbability::stream))
                .toList();
        return new InvitationForecast(
                candidateId,
                forecast.asOf(),
                dataAsOf,
                modelVersion,
                horizons,
                forecast.halfwayBy(),
                streams,
                computedAt);
    }
}
