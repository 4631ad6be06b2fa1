package ca.eeradar.query.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.eeradar.contracts.Draw;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankEstimateTest {
    static final Draw.Pool POOL = new Draw.Pool(
            LocalDate.of(2026, 8, 16),
            3610,
            List.of(
                    new Draw.Band(0, 300, 2000),
                    new Draw.Band(601, 1200, 10),
                    new Draw.Band(501, 600, 600),
                    new Draw.Band(491, 500, 1000)));

    @Test
    void boundsAreTheBandsAboveAndTheOwnBand() {
        RankEstimate r = RankEstimate.of(495, POOL);
        assertEquals(611, r.best());
        assertEquals(1610, r.worst());
        assertEquals(611 + 500, r.estimate());
        assertEquals(new Draw.Band(491, 500, 1000), r.band());
    }

    @Test
    void topOfABandIsItsBestAndNothingAboveIsFirst() {
        assertEquals(611, RankEstimate.of(500, POOL).estimate());
        assertEquals(1, RankEstimate.of(1200, POOL).best());
        assertEquals(1, RankEstimate.of(1200, POOL).estimate());
    }

    @Test
    void aScoreInAGapBetweenBandsHasAnExactRank() {
        RankEstimate r = RankEstimate.of(400, POOL);
        assertEquals(1611, r.best());
        assertEquals(1611, r.worst());
        assertNull(r.band());
    }

    @Test
    void noBandsNoRank() {
        assertNull(RankEstimate.of(450, null));
        assertNull(RankEstimate.of(450, new Draw.Pool(LocalDate.of(2026, 1, 1), 0, List.of())));
    }
}
