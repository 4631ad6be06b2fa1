package ca.eeradar.contracts.rounds;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.Draw.RoundType;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The meaning of one round name ({@link RoundNames#classify}). */
public record RoundKind(RoundType roundType, Program program, Category category, String categoryVersion) {
    /**
     * The programs a round of this kind is open to: those listed, or, when IRCC lists none (the feed's drawText2
     * empty, an admin's eligiblePrograms absent or empty), the kind's defaults.
     */
    public List<Program> eligiblePrograms(List<Program> listed) {
        return listed == null || listed.isEmpty() ? defaultPrograms() : listed;
    }

    /** Programs a round of this kind is open to when IRCC does not say (drawText2 empty). */
    public List<Program> defaultPrograms() {
        return switch (roundType) {
            case PROGRAM -> List.of(program);
            case CATEGORY -> List.of(Program.FSW, Program.CEC, Program.FST);
            case GENERAL -> List.of(Program.FSW, Program.CEC, Program.FST, Program.PNP);
        };
    }

    /** The first revision of a round of this kind, open to {@link #eligiblePrograms} of the programs listed. */
    public Draw firstRevision(
            String number,
            LocalDate date,
            Instant drawnAt,
            String name,
            List<Program> listed,
            int invitations,
            int crsCutoff,
            Instant tieBreakAt,
            Draw.Pool pool,
            Draw.Source source) {
        return new Draw(
                number,
                date,
                drawnAt,
                name,
                roundType(),
                program(),
                category(),
                categoryVersion(),
                eligiblePrograms(listed),
                invitations,
                crsCutoff,
                tieBreakAt,
                pool,
                1,
                source);
    }
}
