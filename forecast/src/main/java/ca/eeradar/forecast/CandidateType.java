package ca.eeradar.forecast;

import ca.eeradar.contracts.rounds.RoundStream;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.util.List;
import java.util.Set;

/**
 * The four reference candidates of the backtest (docs/forecast.md), also the ones the calibration learns from. None is
 * eligible for PNP rounds: a nominee's 600 points make the forecast trivial.
 */
public enum CandidateType {
    FSW(Program.FSW, null),
    CEC(Program.CEC, null),
    CEC_FRENCH(Program.CEC, Category.FRENCH_LANGUAGE),
    FSW_HEALTHCARE(Program.FSW, Category.HEALTHCARE);

    /** GENERAL, the program's stream and the category's (of every version). */
    public final Set<RoundStream> streams;

    CandidateType(Program program, Category category) {
        this.streams =
                Set.copyOf(Eligibility.streams(List.of(program), category == null ? List.of() : List.of(category)));
    }

    /** The grid's scores: 400, 410, ..., 600. */
    public static int[] gridScores() {
        int[] scores = new int[21];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = 400 + 10 * i;
        }
        return scores;
    }
}
