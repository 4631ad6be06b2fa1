package ca.eeradar.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.eeradar.contracts.rounds.RoundStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model never reads a round dated on or after its as-of date. */
class WalkForwardTest {
    static final LocalDate AS_OF = ConstructedHistoryTest.AS_OF;

    @Test
    void roundsOnOrAfterTheAsOfDateChangeNothing() {
        List<PastRound> known = ConstructedHistoryTest.everyTwoWeeks(RoundStream.GENERAL, 470, AS_OF.minusDays(9));
        List<PastRound> withLater = new ArrayList<>(known);
        withLater.add(new PastRound(AS_OF, RoundStream.GENERAL, 300)); // on the as-of date: not known yet
        withLater.add(new PastRound(AS_OF.plusDays(1), RoundStream.GENERAL, 200));
        withLater.add(
                new PastRound(AS_OF.plusDays(40), RoundStream.program(ca.eeradar.contracts.rules.Program.CEC), 100));
        ForecastModel without = new ForecastModel(RoundHistory.of(known));
        ForecastModel with = new ForecastModel(RoundHistory.of(withLater));
        for (int score = 300; score <= 600; score += 10) {
            CandidateTimeline timeline = CandidateTimeline.fixed(
                    score, Set.of(RoundStream.GENERAL, RoundStream.program(ca.eeradar.contracts.rules.Program.CEC)));
            assertEquals(
                    without.asOf(AS_OF).forecast(timeline, null),
                    with.asOf(AS_OF).forecast(timeline, null));
            assertEquals(
                    without.uncalibratedAsOf(AS_OF).forecast(timeline, null),
                    with.uncalibratedAsOf(AS_OF).forecast(timeline, null));
        }
    }

    @Test
    void theStreamFitRefusesALaterRound() {
        List<PastRound> rounds = List.of(new PastRound(AS_OF, RoundStream.GENERAL, 470));
        assertThrows(IllegalArgumentException.class, () -> StreamFit.fit(rounds, AS_OF, ModelSettings.DEFAULT));
    }
}
