package ca.eeradar.query.draws;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The filters of the draw endpoints; null means "any". */
public record DrawFilter(Draw.RoundType roundType, Program program, Category category, LocalDate from, LocalDate to) {

    public static final DrawFilter ANY = new DrawFilter(null, null, null, null, null);

    /** SQL conditions on table {@code draw} ("true" when none), appending their values to {@code params}. */
    String where(List<Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("true");
        if (roundType != null) {
            conditions.add("round_type = ?");
            params.add(roundType.name());
        }
        if (program != null) {
            conditions.add("program = ?");
            params.add(program.name());
        }
        if (category != null) {
            conditions.add("category = ?");
            params.add(category.name());
        }
        if (from != null) {
            conditions.add("draw_date >= ?");
            params.add(from);
        }
        if (to != null) {
            conditions.add("draw_date <= ?");
            params.add(to);
        }
        return String.join(" and ", conditions);
    }
}
