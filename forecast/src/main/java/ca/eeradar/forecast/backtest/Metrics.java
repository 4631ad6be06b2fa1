package ca.eeradar.forecast.backtest;

/** Scores of probability forecasts against 0/1 outcomes. */
public final class Metrics {
    public static final int BINS = 10;
    private static final double CLIP = 0.001;

    private Metrics() {}

    public static double brier(double[] p, boolean[] y) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - (y[i] ? 1 : 0);
            sum += d * d;
        }
        return sum / p.length;
    }

    /** Mean negative log-likelihood, predictions clipped to [0.001, 0.999] so a confident miss costs 6.9, not infinity. */
    public static double logLoss(double[] p, boolean[] y) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.max(CLIP, Math.min(1 - CLIP, p[i]));
            sum -= y[i] ? Math.log(q) : Math.log(1 - q);
        }
        return sum / p.length;
    }

    /** Bin of a prediction: [0, 0.1) is 0, ..., [0.9, 1.0] is 9. */
    public static int bin(double p) {
        return Math.min(BINS - 1, Math.max(0, (int) Math.floor(p * BINS)));
    }

    /** Expected calibration error: the count-weighted mean |mean prediction - observed frequency| over the bins. */
    public static double ece(double[] p, boolean[] y) {
        double[][] bins = reliability(p, y);
        double sum = 0;
        for (double[] bin : bins) {
            if (bin[2] > 0) {
                sum += bin[2] * Math.abs(bin[0] - bin[1]);
            }
        }
        return sum / p.length;
    }

    /** Per bin: {mean prediction, observed frequency, count}. */
    public static double[][] reliability(double[] p, boolean[] y) {
        double[][] bins = new double[BINS][3];
        for (int i = 0; i < p.length; i++) {
            double[] bin = bins[bin(p[i])];
            bin[0] += p[i];
            bin[1] += y[i] ? 1 : 0;
            bin[2]++;
        }
        for (double[] bin : bins) {
            if (bin[2] > 0) {
                bin[0] /= bin[2];
                bin[1] /= bin[2];
            }
        }
        return bins;
    }
}
