package ca.eeradar.scoring.forecasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.InvitationForecast;
import ca.eeradar.contracts.rounds.RoundStream;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.forecast.Forecast;
import ca.eeradar.forecast.Horizon;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastChangeTest {
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-23");
    private static final LocalDate DATA_AS_OF = LocalDate.parse("2026-11-19");
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private static InvitationForecast event(double d30, double d90, double d180, LocalDate halfwayBy) {
        Forecast f = new Forecast(
                AS_OF,
                Map.of(Horizon.D30, d30, Horizon.D90, d90, Horizon.D180, d180),
                halfwayBy,
                Map.of(RoundStream.program(Program.FSW), 0.10, RoundStream.program(Program.CEC), 0.41));
        return ForecastEvents.of("c-7f3a9", f, "forecast-1", DATA_AS_OF, NOW);
    }

    @Test
    void theEventCarriesEveryHorizonInOrderAndTheStreamsSortedById() {
        InvitationForecast e = event(0.21, 0.52, 0.74, LocalDate.parse("2027-02-14"));
        assertEquals(
                List.of(
                        new InvitationForecast.HorizonProbability(30, 0.21),
                        new InvitationForecast.HorizonProbability(90, 0.52),
                        new InvitationForecast.HorizonProbability(180, 0.74)),
                e.horizons());
        assertEquals(
                List.of(
                        new InvitationForecast.StreamProbability("PROGRAM:CEC", 0.41),
                        new InvitationForecast.StreamProbability("PROGRAM:FSW", 0.10)),
                e.streams());
        assertEquals("forecast-1", e.modelVersion());
        assertEquals(DATA_AS_OF, e.dataAsOf());
        assertEquals(AS_OF, e.asOf());
    }

    @Test
    void theFirstForecastIsAlwaysPublished() {
        assertTrue(ForecastChange.worthPublishing(null, event(0, 0, 0, null)));
    }

    @Test
    void anUnchangedOrBarelyMovedForecastIsNotRepublished() {
        InvitationForecast last = event(0.21, 0.52, 0.74, LocalDate.parse("2027-02-14"));
        assertFalse(ForecastChange.worthPublishing(last, event(0.21, 0.52, 0.74, LocalDate.parse("2027-02-14"))));
        assertFalse(ForecastChange.worthPublishing(last, event(0.2149, 0.5251, 0.7401, LocalDate.parse("2027-02-14"))));
    }

    @Test
    void aMoveOfOnePointInAnyHorizonIsPublished() {
        InvitationForecast last = event(0.21, 0.52, 0.74, LocalDate.parse("2027-02-14"));
        assertTrue(ForecastChange.worthPublishing(last, event(0.22, 0.52, 0.74, LocalDate.parse("2027-02-14"))));
        assertTrue(ForecastChange.worthPublishing(last, event(0.21, 0.51, 0.74, LocalDate.parse("2027-02-14"))));
        assertTrue(ForecastChange.worthPublishing(last, event(0.21, 0.52, 0.75, LocalDate.parse("2027-02-14"))));
    }

    @Test
    void aNewModelVersionIsPublishedEvenWithoutAMove() {
        InvitationForecast last = event(0.21, 0.52, 0.74, LocalDate.parse("2027-02-14"));
        InvitationForecast sameNumbersNewModel = new InvitationForecast(
                last.candidateId(),
                last.asOf(),
                last.dataAsOf(),
                "forecast-2",
                last.horizons(),
                last.halfwayBy(),
                last.streams(),
                last.computedAt());
        assertTrue(ForecastChange.worthPublishing(last, sameNumbersNewModel));
    }

    @Test
    void aNewRoundAloneIsNotNews() {
        InvitationForecast last = event(0.21, 0.52, 0.74, LocalDate.parse("2027-02-14"));
        InvitationForecast laterData = new InvitationForecast(
                last.candidateId(),
                AS_OF.plusDays(3),
                DATA_AS_OF.plusDays(3),
                last.modelVersion(),
                last.horizons(),
                last.halfwayBy(),
                last.streams(),
                NOW.plusSeconds(3 * 86400));
        assertFalse(ForecastChange.worthPublishing(last, laterData));
    }

    @Test
    void aChangedHalfwayDateIsPublishedEvenWithoutAMove() {
        InvitationForecast last = event(0.21, 0.52, 0.74, LocalDate.parse("2027-02-14"));
        assertTrue(ForecastChange.worthPublishing(last, event(0.21, 0.52, 0.74, LocalDate.parse("2027-02-15"))));
        assertTrue(ForecastChange.worthPublishing(last, event(0.21, 0.52, 0.74, null)));
    }
}
