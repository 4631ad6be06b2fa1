package ca.eeradar.forecast;

/**
 * One candidate's raw P(invited by day d), d = 1..180, kept as cumulative hazards per cutoff shift and turned into a
 * probability only for the days asked: the three horizons and a binary search for the 50% date, a few dozen
 * exponentials instead of 900.
 */
public final class InvitationCurve {
    private final double[][] cumulativeByShift;
    private final double[] shiftWeights;

    InvitationCurve(double[][] cumulativeByShift, double[] shiftWeights) {
        this.cumulativeByShift = cumulativeByShift;
        this.shiftWeights = shiftWeights;
    }

    /** P(invited in days 1..day), non-decreasing in {@code day}; 0 for day 0. */
    public double at(int day) {
        double survival = 0;
        for (int j = 0; j < shiftWeights.length; j++) {
            survival += shiftWeights[j] * Math.exp(-cumulativeByShift[j][day]);
        }
        return 1 - survival;
    }

    /** 1 - the mixture over shifts of exp(-hazard). */
    static double invited(double[] hazardByShift, double[] shiftWeights) {
        double survival = 0;
        for (int j = 0; j < shiftWeights.length; j++) {
            survival += shiftWeights[j] * Math.exp(-hazardByShift[j]);
        }
        return 1 - survival;
    }
}
