package ca.eeradar.crs;

import ca.eeradar.contracts.rules.Program;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The programs of a bit mask ({@code 1 << Program.ordinal()}, CEC/FSW/FST), as shared immutable sets. */
final class ProgramSets {
    private static final List<Set<Program>> SETS = all();

    private ProgramSets() {}

    static Set<Program> of(int mask) {
        return SETS.get(mask);
    }

    private static List<Set<Program>> all() {
        List<Set<Program>> sets = new ArrayList<>();
        for (int mask = 0; mask < 8; mask++) {
            Set<Program> set = EnumSet.noneOf(Program.class);
            for (Program program : List.of(Program.CEC, Program.FSW, Program.FST)) {
                if ((mask & (1 << program.ordinal())) != 0) {
                    set.add(program);
                }
            }
            sets.add(Collections.unmodifiableSet(set));
        }
        return List.copyOf(sets);
    }
}
