package ca.eeradar.contracts.rules;

/** The bounds of a CRS score, a cutoff or a score band: 0 to 1200 (600 core + 600 additional). */
public final class CrsScale {
    public static final int MIN = 0;
    public static final int MAX = 1200;
    public static final String DESCRIPTION = "must be between 0 and 1200";

    private CrsScale() {}

    public static boolean isValid(int score) {
        return score >= MIN && score <= MAX;
    }
}
