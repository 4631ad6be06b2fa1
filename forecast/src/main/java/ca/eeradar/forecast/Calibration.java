package ca.eeradar.forecast;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Per horizon, a monotone map from the raw probability to the share of candidates actually invited, fitted by
 * isotonic regression (pool adjacent violators) on earlier as-of dates whose outcomes were known. Monotone, so it
 * never reorders candidates: a higher raw probability is never a lower forecast. Stored as a table of 1,001 raw
 * values so applying it is one look-up.
 */
public final class Calibration {
    private static final int STEPS = 1000;
    private final Map<Horizon, double[]> tables;

    private Calibration(Map<Horizon, double[]> tables) {
        this.tables = tables;
    }

    public static Calibration identity() {
        double[] table = new double[STEPS + 1];
        for (int i = 0; i <= STEPS; i++) {
            table[i] = (double) i / STEPS;
        }
        Map<Horizon, double[]> tables = new EnumMap<>(Horizon.class);
        for (Horizon h : Horizon.values()) {
            tables.put(h, table);
        }
        return new Calibration(tables);
    }

    /**
     * @param raw     per horizon, the earlier as-of dates' raw forecasts
     * @param invited their outcomes
     * @param weight  how much each counts (recent dates more)
     */
    public static Calibration fit(
            Map<Horizon, double[]> raw, Map<Horizon, boolean[]> invited, Map<Horizon, double[]> weight) {
        Map<Horizon, double[]> tables = new EnumMap<>(Horizon.class);
        for (Horizon h : Horizon.values()) {
            double[] x = raw.get(h);
            tables.put(
                    h, x == null || x.length == 0 ? identity().tables.get(h) : table(x, invited.get(h), weight.get(h)));
        }
        return new Calibration(tables);
    }

    public double apply(Horizon horizon, double raw) {
        double[] table = tables.get(horizon);
        double at = Math.max(0, Math.min(1, raw)) * STEPS;
        int i = (int) at;
        if (i >= STEPS) {
            return table[STEPS];
        }
        return table[i] + (at - i) * (table[i + 1] - table[i]);
    }

    private static double[] table(double[] raw, boolean[] invited, double[] weight) {
        Integer[] order = new Integer[raw.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(raw[a], raw[b]));
        // pool adjacent violators: blocks of (mean raw, mean outcome, weight) with non-decreasing outcome means
        double[] x = new double[raw.length];
        double[] y = new double[raw.length];
        double[] w = new double[raw.length];
        int blocks = 0;
        for (int k : order) {
            x[blocks] = raw[k];
            y[blocks] = invited[k] ? 1 : 0;
            w[blocks] = weight[k];
            blocks++;
            while (blocks > 1 && y[blocks - 2] >= y[blocks - 1]) {
                double pooled = w[blocks - 2] + w[blocks - 1];
                x[blocks - 2] = (x[blocks - 2] * w[blocks - 2] + x[blocks - 1] * w[blocks - 1]) / pooled;
                y[blocks - 2] = (y[blocks - 2] * w[blocks - 2] + y[blocks - 1] * w[blocks - 1]) / pooled;
                w[blocks - 2] = pooled;
                blocks--;
            }
        }
        double[] table = new double[STEPS + 1];
        for (int i = 0; i <= STEPS; i++) {
            table[i] = interpolate(x, y, blocks, (double) i / STEPS);
        }
        return table;
    }

    /** Linear between the blocks' centres, flat beyond the first and the last. */
    private static double interpolate(double[] x, double[] y, int n, double at) {
        if (at <= x[0]) {
            return y[0];
        }
        if (at >= x[n - 1]) {
            return y[n - 1];
        }
        int hi = 1;
        while (x[hi] < at) {
            hi++;
        }
        int lo = hi - 1;
        double span = x[hi] - x[lo];
        return span <= 0 ? y[hi] : y[lo] + (at - x[lo]) / span * (y[hi] - y[lo]);
    }
}
