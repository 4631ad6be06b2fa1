package ca.eeradar.scoring.forecasts;

import ca.eeradar.contracts.InvitationForecast;
import java.util.Objects;

/**
 * Whether a recomputed forecast is news for the candidate. A forecast is recomputed after every round, every
 * profile change and every day; republishing each recomputation would flood the compacted topic with noise, so
 * only a move that a reader could see counts: a horizon's probability moving by at least one percentage point, or
 * the day the cumulative probability reaches 50% changing (appearing, disappearing or moving), or a new model
 * version. A new round alone is not news: the published forecast keeps the {@code asOf} and {@code dataAsOf} of
 * the computation that published it, and stays right within a point.
 */
public final class ForecastChange {
    /** Smallest move of a horizon's probability that is published. */
    public static final double PUBLISHED_STEP = 0.01;

    private ForecastChange() {}

    /** True when {@code next} must be published given the last published forecast ({@code null}: never published). */
    public static boolean worthPublishing(InvitationForecast lastPublished, InvitationForecast next) {
        if (lastPublished == null) {
            return true;
        }
        // A new model is a new estimate: its numbers replace the old model's even where they agree.
        if (!Objects.equals(lastPublished.modelVersion(), next.modelVersion())
                || !Objects.equals(lastPublished.halfwayBy(), next.halfwayBy())) {
            return true;
        }
        if (lastPublished.horizons().size() != next.horizons().size()) {
            return true;
        }
        for (int i = 0; i < next.horizons().size(); i++) {
            InvitationForecast.HorizonProbability before =
                    lastPublished.horizons().get(i);
            InvitationForecast.HorizonProbability after = next.horizons().get(i);
            // The tolerance keeps a move of exactly 0.01 (0.52 -> 0.53) from being lost to binary rounding.
            if (before.days() != after.days()
                    || Math.abs(after.probability() - before.probability()) >= PUBLISHED_STEP - 1e-9) {
                return true;
            }
        }
        return false;
    }
}
