package ca.eeradar.contracts.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A round number as IRCC writes it: 1 to 999999, and for the two rounds of 2018-05-30 one lower-case
 * letter ("91a", "91b"). Rounds sort by (number, letter), so "91a" comes before "91b" and both before
 * "92". Every service and the JSON Schemas accept exactly the values {@link #PATTERN} accepts.
 *
 * @param number the digits
 * @param letter the letter, or "" for an ordinary round
 */
public record RoundNumber(int number, String letter) implements Comparable<RoundNumber> {
    /** The whole-string pattern; the schemas carry it anchored ({@code ^...$}). */
    public static final String PATTERN = "[1-9][0-9]{0,5}[a-z]?";
    /** What a client is told when a round number is refused. */
    public static final String DESCRIPTION =
            "must be a round number from 1 to 999999, optionally followed by one lower-case letter (e.g. 91a)";

    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,5})([a-z]?)");

    /** The parsed number, or null when {@code text} is not a round number. */
    public static RoundNumber parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORMAT.matcher(text);
        return m.matches() ? new RoundNumber(Integer.parseInt(m.group(1)), m.group(2)) : null;
    }

    public static boolean isValid(String text) {
        return parse(text) != null;
    }

    @Override
    public int compareTo(RoundNumber other) {
        int byNumber = Integer.compare(number, other.number);
        return byNumber != 0 ? byNumber : letter.compareTo(other.letter);
    }

    @Override
    public String toString() {
        return number + letter;
    }
}
