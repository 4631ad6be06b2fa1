package ca.eeradar.forecast;

import ca.eeradar.contracts.rounds.RoundStream;
import java.time.LocalDate;
import java.util.Map;

/**
 * One candidate's forecast.
 *
 * @param asOf            the rounds known are those dated before this day
 * @param within          P(invited within the horizon), by horizon
 * @param halfwayBy       the first day by which the cumulative probability reaches 50%, null if not within 180 days
 * @param streamsAlone90  per stream the candidate is eligible for, P(invited within 90 days) if it were the only one
 */
public record Forecast(
        LocalDate asOf, Map<Horizon, Double> within, LocalDate halfwayBy, Map<RoundStream, Double> streamsAlone90) {
    public Forecast {
        within = Map.copyOf(within);
        streamsAlone90 = Map.copyOf(streamsAlone90);
    }

    public double within(Horizon horizon) {
        return within.get(horizon);
    }
}
