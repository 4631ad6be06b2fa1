package ca.eeradar.forecast;

import ca.eeradar.contracts.rules.CrsScale;

/** The CRS scale: every curve of the model is an array indexed by integer score 0..1200. */
final class Scores {
    static final int MAX = CrsScale.MAX;

    private Scores() {}

    static int clamp(int score) {
        return Math.max(0, Math.min(MAX, score));
    }
}
