package ca.eeradar.forecast;

import java.lang.reflect.Array;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The walk-forward calibration's evidence: at earlier as-of dates t' (every 14 days on the backtest's lattice,
 * extended back to a year after the first round), each reference candidate's raw forecast and whether it was
 * invited. A point of t' enters the calibration as of t only when its whole window is known, t' + H < t, so the
 * calibration reads no round dated on or after t either. Points depend only on the history, so they are computed
 * once per history and shared by every as-of date.
 */
final class CalibrationPoints {
    static final LocalDate LATTICE = LocalDate.of(2019, 1, 2);
    static final int STEP_DAYS = 14;
    private static final int FIRST_YEAR_DAYS = 365;

    /** One earlier as-of date's raw forecasts and outcomes, per horizon, over the reference candidates. */
    private record Point(LocalDate at, Map<Horizon, double[]> raw, Map<Horizon, boolean[]> invited) {}

    private final RoundHistory history;
    private final ModelSettings settings;
    private final Map<LocalDate, Point> points = new ConcurrentHashMap<>();

    CalibrationPoints(RoundHistory history, ModelSettings settings) {
        this.history = history;
        this.settings = settings;
    }

    Calibration calibrationAsOf(LocalDate asOf) {
        Map<Horizon, List<double[]>> weights = new EnumMap<>(Horizon.class);
        Map<Horizon, List<double[]>> raw = new EnumMap<>(Horizon.class);
        Map<Horizon, List<boolean[]>> invited = new EnumMap<>(Horizon.class);
        if (history.all().isEmpty()) {
            return Calibration.identity();
        }
        LocalDate earliest = history.all().get(0).date().plusDays(FIRST_YEAR_DAYS);
        // beyond five half-lives a date weighs under 3%: not worth its computation
        LocalDate lookback = asOf.minusDays((long) (5 * settings.calibrationHalfLifeDays()));
        double decay = Math.log(2) / settings.calibrationHalfLifeDays();
        if (lookback.isAfter(earliest)) {
            earliest = lookback;
        }
        for (LocalDate t = latticeOnOrAfter(earliest); t.isBefore(asOf); t = t.plusDays(STEP_DAYS)) {
            for (Horizon h : Horizon.values()) {
                if (t.plusDays(h.days).isBefore(asOf)) {
                    Point point = points.computeIfAbsent(t, this::point);
                    double[] w = new double[point.raw().get(h).length];
                    Arrays.fill(w, Math.exp(-decay * ChronoUnit.DAYS.between(t, asOf)));
                    weights.computeIfAbsent(h, x -> new ArrayList<>()).add(w);
                    raw.computeIfAbsent(h, x -> new ArrayList<>())
                            .add(point.raw().get(h));
                    invited.computeIfAbsent(h, x -> new ArrayList<>())
                            .add(point.invited().get(h));
                }
            }
        }
        Map<Horizon, double[]> weightByH = new EnumMap<>(Horizon.class);
        weights.forEach((h, parts) -> weightByH.put(h, concat(parts, double[]::new)));
        Map<Horizon, double[]> rawByH = new EnumMap<>(Horizon.class);
        Map<Horizon, boolean[]> invitedByH = new EnumMap<>(Horizon.class);
        raw.forEach((h, parts) -> rawByH.put(h, concat(parts, double[]::new)));
        invited.forEach((h, parts) -> invitedByH.put(h, concat(parts, boolean[]::new)));
        return Calibration.fit(rawByH, invitedByH, weightByH);
    }

    static LocalDate latticeOnOrAfter(LocalDate date) {
        long offset = Math.floorMod(ChronoUnit.DAYS.between(LATTICE, date), STEP_DAYS);
        return offset == 0 ? date : date.plusDays(STEP_DAYS - offset);
    }

    private Point point(LocalDate t) {
        RoundOutlook outlook = RoundOutlook.fit(history, t, settings);
        List<PastRound> window = history.between(t, t.plusDays(Horizon.LONGEST));
        int[] scores = CandidateType.gridScores();
        int n = CandidateType.values().length * scores.length;
        Map<Horizon, double[]> raw = new EnumMap<>(Horizon.class);
        Map<Horizon, boolean[]> invited = new EnumMap<>(Horizon.class);
        for (Horizon h : Horizon.values()) {
            raw.put(h, new double[n]);
            invited.put(h, new boolean[n]);
        }
        int i = 0;
        for (CandidateType type : CandidateType.values()) {
            for (int score : scores) {
                InvitationCurve curve = outlook.invitedBy(CandidateTimeline.fixed(score, type.streams), null, null);
                for (Horizon h : Horizon.values()) {
                    raw.get(h)[i] = curve.at(h.days);
                    invited.get(h)[i] = Outcome.invited(window, t, h.days, type.streams, score);
                }
                i++;
            }
        }
        return new Point(t, raw, invited);
    }

    /** The parts one after the other, for any primitive array type. */
    private static <A> A concat(List<A> parts, IntFunction<A> newArray) {
        A all = newArray.apply(parts.stream().mapToInt(Array::getLength).sum());
        int at = 0;
        for (A part : parts) {
            int length = Array.getLength(part);
            System.arraycopy(part, 0, all, at, length);
            at += length;
        }
        return all;
    }
}
