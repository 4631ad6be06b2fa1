package ca.eeradar.forecast;

import ca.eeradar.contracts.Draw.Category;
import ca.eeradar.contracts.Draw.Program;
import ca.eeradar.contracts.rounds.RoundStream;
import java.util.Set;

/**
 * The four reference candidates of the backtest (issue 16), also the ones the calibration learns from. None is
 * eligible for PNP rounds: a nominee's 600 points make the forecast trivial.
 */
public enum CandidateType {
    FSW(RoundStream.GENERAL, RoundStream.program(Program.FSW)),
    CEC(RoundStream.GENERAL, RoundStream.program(Program.CEC)),
    CEC_FRENCH(RoundStream.GENERAL, RoundStream.program(Program.CEC), RoundStream.category(Category.FRENCH_LANGUAGE)),
    FSW_HEALTHCARE(RoundStream.GENERAL, RoundStream.program(Program.FSW), RoundStream.category(Category.HEALTHCARE));

    public final Set<RoundStream> streams;

    CandidateType(RoundStream... streams) {
        this.streams = Set.of(streams);
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
