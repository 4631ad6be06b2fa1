package ca.eeradar.query.draws;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A round number as IRCC writes it: digits, and for the two rounds of 2018-05-30 a letter ("91a",
 * "91b"). Rounds sort by (number, letter), so "91a" comes before "91b" and both before "92".
 */
public record DrawNumber(int num, String suffix) {
    private static final Pattern FORMAT = Pattern.compile("([0-9]{1,6})([a-z]?)");

    /** The parsed number, or null when {@code text} is not a round number. */
    public static DrawNumber parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORMAT.matcher(text);
        return m.matches() ? new DrawNumber(Integer.parseInt(m.group(1)), m.group(2)) : null;
    }
}
