package ca.eeradar.contracts.rounds;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.Draw.RoundType;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.util.Locale;
import java.util.Objects;

/**
 * The succession of rounds a round belongs to, as a candidate sees it: rounds of one stream compete for the same
 * candidates, so their frequency and cutoffs are read together. GENERAL, one stream per program (PROGRAM:CEC, ...)
 * and one per category (CATEGORY:STEM, ...). A category's versions are one stream (the occupation lists change a
 * little, the candidates it serves do not), and HEALTHCARE_SOCIAL_SERVICES continues HEALTHCARE: IRCC renamed the
 * category in its second version, it did not open a new one.
 *
 * @param program  the program of a PROGRAM stream, otherwise null
 * @param category the category of a CATEGORY stream (never HEALTHCARE_SOCIAL_SERVICES), otherwise null
 */
public record RoundStream(RoundType type, Program program, Category category) {
    public static final RoundStream GENERAL = new RoundStream(RoundType.GENERAL, null, null);

    public RoundStream {
        Objects.requireNonNull(type, "type");
        if ((type == RoundType.PROGRAM) != (program != null) || (type == RoundType.CATEGORY) != (category != null)) {
            throw new IllegalArgumentException(
                    "a " + type + " stream with program " + program + ", category " + category);
        }
        if (category == Category.HEALTHCARE_SOCIAL_SERVICES) {
            category = Category.HEALTHCARE;
        }
    }

    public static RoundStream program(Program program) {
        return new RoundStream(RoundType.PROGRAM, Objects.requireNonNull(program, "program"), null);
    }

    public static RoundStream category(Category category) {
        return new RoundStream(RoundType.CATEGORY, null, Objects.requireNonNull(category, "category"));
    }

    public static RoundStream of(RoundKind kind) {
        return new RoundStream(kind.roundType(), kind.program(), kind.category());
    }

    public static RoundStream of(Draw draw) {
        return new RoundStream(draw.roundType(), draw.program(), draw.category());
    }

    /** "GENERAL", "PROGRAM:CEC", "CATEGORY:HEALTHCARE". */
    public String id() {
        return switch (type) {
            case GENERAL -> "GENERAL";
            case PROGRAM -> "PROGRAM:" + program;
            case CATEGORY -> "CATEGORY:" + category;
        };
    }

    /** The inverse of {@link #id()}. @throws IllegalArgumentException for anything else */
    public static RoundStream parse(String id) {
        String s = id.strip().toUpperCase(Locale.ROOT);
        if (s.equals("GENERAL")) {
            return GENERAL;
        }
        int colon = s.indexOf(':');
        if (colon > 0) {
            String value = s.substring(colon + 1);
            switch (s.substring(0, colon)) {
                case "PROGRAM":
                    return program(Program.valueOf(value));
                case "CATEGORY":
                    return category(Category.valueOf(value));
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(
                "'" + id + "' is not a round stream (GENERAL, PROGRAM:<program>, CATEGORY:<category>)");
    }

    @Override
    public String toString() {
        return id();
    }
}
