package ca.eeradar.ingest.feed;

/**
 * Counts as IRCC writes them: "8,000" in the English feed, "8 000" (a space, often a no-break or
 * narrow no-break space) in the French one, and a plain "574" otherwise.
 */
public final class FeedNumbers {
    private FeedNumbers() {}

    /** @throws IllegalArgumentException with a reason naming the text when it is not a whole number */
    public static int parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        String digits = text.strip().replaceAll("[,\\s\u00A0\u202F\u2009']", "");
        if (!digits.matches("-?\\d{1,9}")) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        return Integer.parseInt(digits);
    }
}
