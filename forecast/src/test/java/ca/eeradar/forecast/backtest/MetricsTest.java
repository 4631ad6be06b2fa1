package ca.eeradar.forecast.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The backtest's scores on values worked out by hand. */
class MetricsTest {
    static final double[] P = {0.0, 0.25, 0.75, 1.0};
    static final boolean[] Y = {false, true, true, false};

    @Test
    void brierIsTheMeanSquaredError() {
        // (0 + 0.5625 + 0.0625 + 1) / 4
        assertEquals(1.625 / 4, Metrics.brier(P, Y), 1e-12);
    }

    @Test
    void logLossClipsToOneThousandth() {
        // -ln(0.999) - ln(0.25) - ln(0.75) - ln(0.001), over 4
        double expected = -(Math.log(0.999) + Math.log(0.25) + Math.log(0.75) + Math.log(0.001)) / 4;
        assertEquals(expected, Metrics.logLoss(P, Y), 1e-12);
    }

    @Test
    void eceWeighsEachBinsGapByItsCount() {
        // bins: [0,0.1) {0 -> 0}: gap 0; [0.2,0.3) {0.25 -> 1}: 0.75; [0.7,0.8) {0.75 -> 1}: 0.25;
        // [0.9,1.0] {1.0 -> 0}: 1.0; each holds 1 of 4
        assertEquals((0 + 0.75 + 0.25 + 1.0) / 4, Metrics.ece(P, Y), 1e-12);
        assertEquals(9, Metrics.bin(1.0));
        assertEquals(1, Metrics.bin(0.1));
        double[][] pooled = Metrics.reliability(new double[] {0.02, 0.08}, new boolean[] {true, false});
        assertEquals(0.05, pooled[0][0], 1e-12);
        assertEquals(0.5, pooled[0][1], 1e-12);
        assertEquals(2, pooled[0][2], 0);
    }
}
