package ca.eeradar.contracts.rounds;

import ca.eeradar.contracts.Draw.RoundType;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a round name (IRCC drawName) means. Capitalisation and punctuation change from year to year
 * ("Trade occupations (Version 2)", "Trades Occupations, 2026-Version 3"), so names are matched
 * case-insensitively on keywords (docs/crs-rules.md#rounds-feed). The four program names are matched whole first:
 * "Federal Skilled Trades" is the FST program, not the trades category.
 */
public final class RoundNames {
    /** "2026-Version 3" (2026 names) or "Version 1" (2023-2025 names, in parentheses). */
    private static final Pattern YEAR_VERSION = Pattern.compile("(\\d{4})\\s*-\\s*version\\s*(\\d+)");

    private static final Pattern VERSION = Pattern.compile("version\\s*(\\d+)");

    private RoundNames() {}

    public static Optional<RoundKind> classify(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[\\s\u00A0]+", " ").strip();
        String plain = n.replaceAll("[^a-z ]", "").replaceAll(" +", " ").strip();
        if (plain.equals("no program specified") || plain.equals("general")) {
            return Optional.of(new RoundKind(RoundType.GENERAL, null, null, null));
        }
        Program program =
                switch (plain) {
                    case "canadian experience class" -> Program.CEC;
                    case "provincial nominee program" -> Program.PNP;
                    case "federal skilled worker", "federal skilled worker program" -> Program.FSW;
                    case "federal skilled trades", "federal skilled trades program" -> Program.FST;
                    default -> null;
                };
        if (program != null) {
            return Optional.of(new RoundKind(RoundType.PROGRAM, program, null, null));
        }
        Category category = category(plain);
        if (category == null) {
            return Optional.empty();
        }
        return Optional.of(new RoundKind(RoundType.CATEGORY, null, category, version(n)));
    }

    private static Category category(String n) {
        if (n.contains("french")) {
            return Category.FRENCH_LANGUAGE;
        }
        if (n.contains("healthcare") || n.contains("health care")) {
            // 2023-2024 "Healthcare occupations" and its 2025+ successor "Healthcare and social services" are
            // different categories with different occupation lists.
            return n.contains("social service") ? Category.HEALTHCARE_SOCIAL_SERVICES : Category.HEALTHCARE;
        }
        if (n.contains("physician")) {
            return Category.PHYSICIANS_CANADIAN_EXPERIENCE;
        }
        if (n.contains("senior manager")) {
            return Category.SENIOR_MANAGERS_CANADIAN_EXPERIENCE;
        }
        if (n.contains("researcher")) {
            return Category.RESEARCHERS_CANADIAN_EXPERIENCE;
        }
        if (n.contains("military")) {
            return Category.SKILLED_MILITARY_RECRUITS;
        }
        if (n.matches(".*\\bstem\\b.*") || n.contains("science technology engineering")) {
            return Category.STEM;
        }
        if (n.matches(".*\\btrades?\\b.*")) {
            return Category.TRADES;
        }
        if (n.contains("transport")) {
            return Category.TRANSPORT;
        }
        if (n.contains("agricultur")) {
            return Category.AGRICULTURE_AGRI_FOOD;
        }
        if (n.contains("education")) {
            return Category.EDUCATION;
        }
        return null;
    }

    private static String version(String n) {
        Matcher y = YEAR_VERSION.matcher(n);
        if (y.find()) {
            return y.group(1) + "-Version " + y.group(2);
        }
        Matcher v = VERSION.matcher(n);
        return v.find() ? "Version " + v.group(1) : null;
    }

    /**
     * The programs a round covered, in the order IRCC names them (drawText2, seven spellings over the years:
     * "Federal Skilled Worker Program, Canadian Experience Class and Federal Skilled Trades Program", ...).
     * Empty text gives an empty list.
     *
     * @throws IllegalArgumentException when the text names no program we know
     */
    public static List<Program> programs(String drawText2) {
        if (drawText2 == null || drawText2.isBlank()) {
            return List.of();
        }
        String n = drawText2.toLowerCase(Locale.ROOT).replaceAll("[\\s\u00A0]+", " ");
        TreeMap<Integer, Program> byPosition = new TreeMap<>();
        PROGRAM_WORDS.forEach((words, program) -> {
            int at = n.indexOf(words);
            if (at >= 0) {
                byPosition.put(at, program);
            }
        });
        if (byPosition.isEmpty()) {
            throw new IllegalArgumentException("'" + drawText2.strip() + "' names no Express Entry program");
        }
        return List.copyOf(byPosition.values());
    }

    private static final Map<String, Program> PROGRAM_WORDS = Map.of(
            "federal skilled worker", Program.FSW,
            "canadian experience class", Program.CEC,
            "federal skilled trade", Program.FST,
            "provincial nominee", Program.PNP);
}
