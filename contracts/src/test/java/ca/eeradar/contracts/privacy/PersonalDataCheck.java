package ca.eeradar.contracts.privacy;

import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Schemas;
import ca.eeradar.contracts.rules.ScoreMonth;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fails an event payload in which a field name or a value looks like personal data, or like something
 * from which a date of birth, a birthday, an age, a test date, a test score or a name can be read
 * (README "Privacy"). The contract tests run it on every sample and the e2e tests on the real events
 * they read, so both the promise and the running system are held to it.
 *
 * <p>Deliberately blunt: a false alarm is a name or a text to reword, a miss is personal data on a topic
 * other teams read. Dates are allowed only in the fields listed per type below (event times, round dates,
 * the rule set's effective date, the score month), because a date anywhere else (a timeline entry, a test
 * "taken on", an expiry) is how a birthday or a test date leaks.
 */
public final class PersonalDataCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Words that must not be part of a field name (camelCase split, lower case). */
    private static final Set<String> FORBIDDEN_NAME_WORDS = Set.of(
            "birth",
            "birthday",
            "born",
            "dob",
            "age",
            "ages",
            "name",
            "names",
            "surname",
            "email",
            "phone",
            "address",
            "passport",
            "nationality",
            "citizenship",
            "gender",
            "marital",
            "spouse",
            "test",
            "tests",
            "taken",
            "listening",
            "reading",
            "writing",
            "speaking",
            "ielts",
            "celpip",
            "tef",
            "tcf",
            "pte",
            "timeline");

    /** Text that speaks of a birthday, an age, a test or its result. */
    private static final Pattern FORBIDDEN_TEXT = Pattern.compile(
            "\\b(turns?|turning|birth|birthday|born|dob|age|aged|years old|test|tests|tested|ielts|celpip|tef|tcf|pte"
                    + "|listening|reading|writing|speaking|spouse|married)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}");
    /** A rule set is named by its public effective date; a warning may name it. */
    private static final Pattern RULE_SET = Pattern.compile("rule set \\d{4}-\\d{2}-\\d{2}");

    /** The JSON paths (dots, no array indexes) of each type that may hold a date: all public facts. */
    private static final Set<String> DRAW_DATES =
            Set.of("date", "drawnAt", "tieBreakAt", "pool.asOf", "source.receivedAt");

    private static final Map<String, Set<String>> ALLOWED_DATES = Map.of(
            EventTypes.DRAW_ANNOUNCED, DRAW_DATES,
            EventTypes.DRAW_CORRECTED, DRAW_DATES,
            EventTypes.INVITATION_LIKELY, Set.of("drawDate", "rulesVersion", "evaluatedAt"),
            EventTypes.DRAW_EVALUATED, Set.of(),
            EventTypes.CANDIDATE_SCORED, Set.of("asOf", "rulesVersion", "scoredAt"),
            EventTypes.CANDIDATE_ERASED, Set.of("erasedAt"),
            // asOf is the day of the computation (daily for everyone, or after a round or an edit: never a
            // personal event's day), dataAsOf a round's date; halfwayBy is the model's answer, a date where the
            // summed round probabilities cross one half, not the day of any profile fact.
            EventTypes.INVITATION_FORECAST, Set.of("asOf", "dataAsOf", "halfwayBy", "computedAt"));

    /**
     * Field names that contain a forbidden word but hold no personal detail: a round's IRCC name, and the
     * subtotal of CRS section B (spouse factors), a derived score like the others (README "Privacy" says what
     * the sections do reveal).
     */
    private static final Map<String, Set<String>> ALLOWED_NAMES = Map.of(
            EventTypes.DRAW_ANNOUNCED, Set.of("name"),
            EventTypes.DRAW_CORRECTED, Set.of("name"),
            EventTypes.CANDIDATE_SCORED, Set.of("sections.spouse"));

    /**
     * Text fields whose values are not read for words and dates: a round's source reference is the feed's URL
     * or path (which may contain "tests" or a date) or an operator's note about the round; no candidate
     * appears in a round.
     */
    private static final Map<String, Set<String>> ROUND_TEXT = Map.of(
            EventTypes.DRAW_ANNOUNCED, Set.of("source.reference"),
            EventTypes.DRAW_CORRECTED, Set.of("source.reference"));

    private PersonalDataCheck() {}

    /** The findings for one payload of a ce_type that is written today; empty when it is clean. */
    public static List<String> findings(String ceType, JsonNode payload) {
        if (Schemas.retired(ceType)) {
            return List.of(ceType + " is retired: no producer may write it");
        }
        Set<String> dates = ALLOWED_DATES.get(ceType);
        if (dates == null) {
            return List.of(ceType + ": no privacy rule for this type; add it to PersonalDataCheck");
        }
        List<String> findings = new ArrayList<>();
        walk(ceType, "", payload, dates, findings);
        if (EventTypes.CANDIDATE_SCORED.equals(ceType)) {
            String asOf = payload.path("asOf").asText();
            if (!ScoreMonth.isValid(parseDate(asOf))) {
                findings.add("asOf " + asOf + " is not the 1st of a month: the day of a change can give a birthday");
            }
        }
        return findings;
    }

    public static List<String> findings(String ceType, byte[] payload) {
        try {
            return findings(ceType, JSON.readTree(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws an AssertionError naming every finding (usable from any test framework). */
    public static void assertClean(String ceType, byte[] payload) {
        List<String> findings = findings(ceType, payload);
        if (!findings.isEmpty()) {
            throw new AssertionError("personal data in a " + ceType + " payload: " + findings);
        }
    }

    private static void walk(String ceType, String path, JsonNode node, Set<String> dates, List<String> findings) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                checkName(ceType, child, field.getKey(), findings);
                walk(ceType, child, field.getValue(), dates, findings);
            }
        } else if (node.isArray()) {
            node.forEach(item -> walk(ceType, path, item, dates, findings));
        } else if (node.isTextual()
                && !ROUND_TEXT.getOrDefault(ceType, Set.of()).contains(path)) {
            checkText(path, node.asText(), dates.contains(path), findings);
        }
    }

    private static void checkName(String ceType, String path, String name, List<String> findings) {
        if (ALLOWED_NAMES.getOrDefault(ceType, Set.of()).contains(path)) {
            return;
        }
        for (String word : name.split("(?<=[a-z0-9])(?=[A-Z])|[_\\-.]")) {
            if (FORBIDDEN_NAME_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                findings.add("field " + path + ": its name speaks of personal data (" + word + ")");
            }
        }
    }

    private static void checkText(String path, String text, boolean dateAllowed, List<String> findings) {
        Matcher words = FORBIDDEN_TEXT.matcher(text);
        if (words.find()) {
            findings.add("value of " + path + " speaks of personal data (" + words.group() + "): " + text);
        }
        if (!dateAllowed
                && ISO_DATE.matcher(RULE_SET.matcher(text).replaceAll("")).find()) {
            findings.add("value of " + path + " holds a date outside the event-time and round fields: " + text);
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
