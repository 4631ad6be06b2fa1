package ca.eeradar.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.eeradar.contracts.rounds.RoundStream;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the streams endpoint and a published forecast will read from the model. */
class StreamQuestionsTest {
    static final LocalDate AS_OF = ConstructedHistoryTest.AS_OF;

    @Test
    void cutoffQuantilesOfTheNextRound() {
        // equal weights: rounds on the same day, cutoffs 450, 460, ..., 540
        List<PastRound> rounds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rounds.add(new PastRound(AS_OF.minusDays(3), RoundStream.GENERAL, 450 + 10 * i));
        }
        StreamOutlook general = new ForecastModel(RoundHistory.of(rounds))
                .uncalibratedAsOf(AS_OF)
                .outlook()
                .streams()
                .get(RoundStream.GENERAL);
        assertEquals(450, general.cutoffQuantile(0.1));
        assertEquals(490, general.cutoffQuantile(0.5));
        assertEquals(530, general.cutoffQuantile(0.9));
        assertEquals(-1, general.cutoffQuantile(1.0));
    }

    @Test
    void dataAsOfIsTheLatestRoundKnown() {
        List<PastRound> rounds = List.of(
                new PastRound(AS_OF.minusDays(9), RoundStream.GENERAL, 470),
                new PastRound(AS_OF, RoundStream.GENERAL, 460));
        InvitationForecaster f = new ForecastModel(RoundHistory.of(rounds)).asOf(AS_OF);
        assertEquals(AS_OF.minusDays(9), f.dataAsOf());
        assertEquals("forecast-1", f.modelVersion());
        assertNull(new ForecastModel(RoundHistory.of(List.of())).asOf(AS_OF).dataAsOf());
    }

    @Test
    void eligibilityGivesGeneralProgramAndCategoryStreams() {
        assertEquals(
                Set.of(
                        RoundStream.GENERAL,
                        RoundStream.program(Program.CEC),
                        RoundStream.category(Category.HEALTHCARE)),
                Eligibility.streams(List.of(Program.CEC), List.of(Category.HEALTHCARE_SOCIAL_SERVICES)));
        assertEquals(Set.of(), Eligibility.streams(List.of(), List.of()));
        assertEquals(
                CandidateType.CEC_FRENCH.streams,
                Eligibility.streams(List.of(Program.CEC), List.of(Category.FRENCH_LANGUAGE)));
    }
}
