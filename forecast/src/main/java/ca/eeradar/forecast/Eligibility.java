package ca.eeradar.forecast;

import ca.eeradar.contracts.rounds.RoundStream;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** The streams whose rounds may invite a candidate, from the programs and categories the candidate qualifies for. */
public final class Eligibility {
    private Eligibility() {}

    /**
     * GENERAL rounds are open to every program, so a candidate eligible for any program enters them; each program
     * and each category adds its own stream (a category's versions and the healthcare rename are one stream).
     */
    public static Set<RoundStream> streams(Collection<Program> programs, Collection<Category> categories) {
        Set<RoundStream> streams = new LinkedHashSet<>();
        if (!programs.isEmpty()) {
            streams.add(RoundStream.GENERAL);
        }
        for (Program program : programs) {
            streams.add(RoundStream.program(program));
        }
        for (Category category : categories) {
            streams.add(RoundStream.category(category));
        }
        return streams;
    }
}
