package ca.eeradar.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.rounds.RoundStream;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model on small histories whose answers are known (issue 16, "Done when"). */
class ConstructedHistoryTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 6, 5);
    static final RoundStream CEC = RoundStream.program(Program.CEC);
    static final RoundStream STEM = RoundStream.category(Category.STEM);

    /** GENERAL at cutoff 470 every 14 days for two years, the last the day before the as-of date. */
    static List<PastRound> everyTwoWeeks(RoundStream stream, int cutoff, LocalDate last) {
        List<PastRound> rounds = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            rounds.add(new PastRound(last.minusDays(14L * i), stream, cutoff));
        }
        return rounds;
    }

    /**
     * The default model without calibration. Its cutoffs may shift together by up to 2 x 10 points over a window,
     * so the scores below are 30 points from the cutoffs: answers then do not depend on the shift.
     */
    static InvitationForecaster uncalibrated(List<PastRound> rounds) {
        return new ForecastModel(RoundHistory.of(rounds)).uncalibratedAsOf(AS_OF);
    }

    static final ModelSettings NO_SHIFT = new ModelSettings(180, 90, 120, 1.0 / 730, 0, 730);

    static Forecast fixed(InvitationForecaster forecaster, int score, RoundStream... streams) {
        return forecaster.forecast(CandidateTimeline.fixed(score, Set.of(streams)), null);
    }

    @Test
    void aScoreAboveAFixedCutoffIsInvitedWithinThirtyDaysAndOneBelowIsNot() {
        InvitationForecaster f = uncalibrated(everyTwoWeeks(RoundStream.GENERAL, 470, AS_OF.minusDays(1)));
        StreamOutlook general = f.outlook().streams().get(RoundStream.GENERAL);
        assertEquals(1.0 / 14, general.roundsPerDay(), 0.002);
        // on its rhythm: the next round on day 13, then every 14 days
        assertEquals(1, general.roundsByDay()[13], 1e-12);
        assertEquals(1, general.roundsByDay()[27], 1e-12);
        assertEquals(2, general.expectedRounds(30), 1e-12);
        assertEquals(6, general.expectedRounds(90), 1e-12);
        assertEquals(0.999, general.cutoffAtMost(470), 1e-12);
        assertEquals(0, general.cutoffAtMost(469), 0);

        Forecast above = fixed(f, 500, RoundStream.GENERAL);
        Forecast below = fixed(f, 440, RoundStream.GENERAL);
        // each round invites 500 with the capped certainty 0.999: missing both rounds of 30 days has probability 1e-6
        assertEquals(1 - 1e-6, above.within(Horizon.D30), 1e-12);
        assertEquals(0, below.within(Horizon.D180), 0);

        // without the shared shift, a tie counts as invited and one point below never is
        InvitationForecaster plain = new ForecastModel(
                        RoundHistory.of(everyTwoWeeks(RoundStream.GENERAL, 470, AS_OF.minusDays(1))), NO_SHIFT)
                .uncalibratedAsOf(AS_OF);
        assertEquals(1 - 1e-6, fixed(plain, 470, RoundStream.GENERAL).within(Horizon.D30), 1e-12);
        assertEquals(0, fixed(plain, 469, RoundStream.GENERAL).within(Horizon.D180), 0);
        // with it, one point above is invited unless the cutoffs rise (a shift of +10 or +20: 5 chances in 16)
        assertEquals(11 / 16.0 * (1 - 1e-6), fixed(f, 471, RoundStream.GENERAL).within(Horizon.D30), 1e-12);
        assertEquals(AS_OF.plusDays(13), above.halfwayBy());
        assertNull(below.halfwayBy());
    }

    @Test
    void aStreamWithoutRoundsContributesNothing() {
        List<PastRound> rounds = everyTwoWeeks(RoundStream.GENERAL, 500, AS_OF.minusDays(6));
        rounds.addAll(everyTwoWeeks(CEC, 300, AS_OF.minusDays(2))); // a stream the candidate is not eligible for
        InvitationForecaster f = uncalibrated(rounds);
        Forecast generalOnly = fixed(f, 460, RoundStream.GENERAL);
        Forecast withStem = fixed(f, 460, RoundStream.GENERAL, STEM);
        assertEquals(0, generalOnly.within(Horizon.D180), 0);
        assertEquals(generalOnly, withStem);
        assertFalse(withStem.streamsAlone90().containsKey(STEM));
        assertTrue(fixed(f, 460, CEC).within(Horizon.D30) > 0.999);
    }

    @Test
    void aBirthdayBeforeTheNextExpectedRoundCostsTheInvitation() {
        InvitationForecaster f = uncalibrated(everyTwoWeeks(RoundStream.GENERAL, 470, AS_OF.minusDays(1)));
        Set<RoundStream> general = Set.of(RoundStream.GENERAL);
        Standing before = new Standing(500, general);
        Standing after = new Standing(440, general);
        LocalDate birthday = AS_OF.plusDays(5); // the next round is due on day 13
        Forecast early = f.forecast(d -> d.isBefore(birthday) ? before : after, null);
        assertEquals(0, early.within(Horizon.D180), 0);

        LocalDate lateBirthday = AS_OF.plusDays(20); // one round (day 13) at 500 before it
        Forecast late = f.forecast(d -> d.isBefore(lateBirthday) ? before : after, null);
        assertEquals(1 - 0.001, late.within(Horizon.D30), 1e-12);
        assertEquals(late.within(Horizon.D30), late.within(Horizon.D180), 0);
    }

    @Test
    void aProfileExpiringBeforeTheHorizonIsOnlyInvitedUntilItsExpiry() {
        InvitationForecaster f = uncalibrated(everyTwoWeeks(RoundStream.GENERAL, 470, AS_OF.minusDays(1)));
        CandidateTimeline timeline = CandidateTimeline.fixed(500, Set.of(RoundStream.GENERAL));
        Forecast expiresBeforeTheRound = f.forecast(timeline, AS_OF.plusDays(10));
        assertEquals(0, expiresBeforeTheRound.within(Horizon.D180), 0);
        Forecast expiresAfterOneRound = f.forecast(timeline, AS_OF.plusDays(13));
        assertEquals(0.999, expiresAfterOneRound.within(Horizon.D90), 1e-12);
        assertEquals(0.999, expiresAfterOneRound.within(Horizon.D180), 1e-12);
        assertTrue(f.forecast(timeline, null).within(Horizon.D90) > 0.999999);
    }

    @Test
    void perStreamProbabilitiesAreEachStreamAlone() {
        List<PastRound> rounds = everyTwoWeeks(RoundStream.GENERAL, 470, AS_OF.minusDays(1));
        rounds.addAll(everyTwoWeeks(CEC, 600, AS_OF.minusDays(3)));
        InvitationForecaster f = uncalibrated(rounds);
        Forecast forecast = fixed(f, 500, RoundStream.GENERAL, CEC);
        assertEquals(0, forecast.streamsAlone90().get(CEC), 0);
        assertEquals(
                fixed(f, 500, RoundStream.GENERAL).within(Horizon.D90),
                forecast.streamsAlone90().get(RoundStream.GENERAL),
                1e-12);
    }
}
