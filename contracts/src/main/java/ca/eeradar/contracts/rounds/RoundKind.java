package ca.eeradar.contracts.rounds;

import ca.eeradar.contracts.Draw.RoundType;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.util.List;

/** The meaning of one round name ({@link RoundNames#classify}). */
public record RoundKind(RoundType roundType, Program program, Category category, String categoryVersion) {
    /** Programs a round of this kind is open to when IRCC does not say (drawText2 empty). */
    public List<Program> defaultPrograms() {
        return switch (roundType) {
            case PROGRAM -> List.of(program);
            case CATEGORY -> List.of(Program.FSW, Program.CEC, Program.FST);
            case GENERAL -> List.of(Program.FSW, Program.CEC, Program.FST, Program.PNP);
        };
    }
}
