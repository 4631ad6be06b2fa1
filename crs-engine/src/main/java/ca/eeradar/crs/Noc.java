package ca.eeradar.crs;

/**
 * National Occupational Classification 2021 codes as the rules read them: five digits, the second
 * being the TEER category (0-5); TEER 0-3 is "skilled" work (docs/crs-rules.md#eligibility).
 */
final class Noc {
    /**
     * The text of each code, made once: a pool keeps NOCs as numbers ({@link PackedProfile}), and the
     * configured high-wage list names codes as text, so judging a pool would otherwise build a string per
     * job. A race only builds an equal string twice (strings are immutable and safely published).
     */
    private static final String[] TEXT = new String[100_000];

    private Noc() {}

    /** The 5-digit text of a code of {@link #code} (12 -> "00012"). */
    static String text(int code) {
        String text = TEXT[code];
        if (text == null) {
            text = String.format("%05d", code);
            TEXT[code] = text;
        }
        return text;
    }

    /** A NOC 2021 code of 5 digits as a number (00012 -> 12), -1 for anything else. */
    static int code(String noc) {
        if (noc == null || noc.length() != 5) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < 5; i++) {
            char c = noc.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = 10 * value + (c - '0');
        }
        return value;
    }

    static int teer(String noc) {
        return noc.charAt(1) - '0';
    }

    static boolean skilled(String noc) {
        return noc != null && noc.length() == 5 && teer(noc) <= 3;
    }
}
