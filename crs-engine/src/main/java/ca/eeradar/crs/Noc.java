package ca.eeradar.crs;

/**
 * National Occupational Classification 2021 codes as the rules read them: five digits, the second
 * being the TEER category (0-5); TEER 0-3 is "skilled" work (docs/crs-rules.md#eligibility).
 */
final class Noc {
    private Noc() {}

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
