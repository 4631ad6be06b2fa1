package ca.eeradar.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.Draw.RoundType;
import ca.eeradar.contracts.Draw.SourceKind;
import ca.eeradar.contracts.rounds.RoundStream;
import ca.eeradar.contracts.rules.Program;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only IRCC's rounds, each in its latest revision, reach the model. */
class RoundHistoryTest {
    static Draw draw(String number, LocalDate date, int cutoff, int revision, SourceKind source) {
        return new Draw(
                number,
                date,
                null,
                "Canadian Experience Class",
                RoundType.PROGRAM,
                Program.CEC,
                null,
                null,
                List.of(Program.CEC),
                1000,
                cutoff,
                null,
                null,
                revision,
                new Draw.Source(source, "test", Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void manualRoundsAreLeftOutAndCorrectionsReplaceTheirRound() {
        LocalDate day = LocalDate.of(2026, 3, 4);
        RoundHistory history = RoundHistory.ofDraws(List.of(
                draw("400", day, 520, 1, SourceKind.IRCC_FEED),
                draw("400", day, 515, 2, SourceKind.IRCC_FEED), // IRCC corrected its cutoff
                draw("9001", day.plusDays(1), 300, 1, SourceKind.MANUAL))); // the demo's round
        assertEquals(List.of(new PastRound(day, RoundStream.program(Program.CEC), 515)), history.all());
    }
}
