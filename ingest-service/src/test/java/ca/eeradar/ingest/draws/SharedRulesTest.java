package ca.eeradar.ingest.draws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.contracts.rules.RuleCases;
import ca.eeradar.kit.Problem.FieldError;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ingest accepts and refuses exactly the round numbers and cutoffs that scoring and query do (rules in contracts). */
class SharedRulesTest {
    @Test
    void roundNumbers() {
        for (String number : RuleCases.VALID_ROUND_NUMBERS) {
            assertEquals(List.of(), fieldsBroken(number, 500), number);
        }
        for (String number : RuleCases.INVALID_ROUND_NUMBERS) {
            assertEquals(List.of("number"), fieldsBroken(number, 500), number);
        }
    }

    @Test
    void cutoffs() {
        for (int cutoff : RuleCases.VALID_SCORES) {
            assertEquals(List.of(), fieldsBroken("500", cutoff), "" + cutoff);
        }
        for (int cutoff : RuleCases.INVALID_SCORES) {
            assertEquals(List.of("crsCutoff"), fieldsBroken("500", cutoff), "" + cutoff);
        }
    }

    private static List<String> fieldsBroken(String number, int cutoff) {
        Draw draw = new Draw(
                number,
                LocalDate.of(2026, 11, 20),
                null,
                "Canadian Experience Class",
                Draw.RoundType.PROGRAM,
                Program.CEC,
                null,
                null,
                List.of(Program.CEC),
                1000,
                cutoff,
                null,
                null,
                1,
                DrawRulesTest.SOURCE);
        return DrawRules.check(draw, DrawRulesTest.NOW).stream()
                .map(FieldError::field)
                .toList();
    }
}
