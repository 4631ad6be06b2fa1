package ca.eeradar.scoring;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Skips a scheduled job whose switch is off, by the job's identity: the daily re-score
 * ({@code ee-radar.scoring.rescore.enabled}) and the daily forecasts for everyone
 * ({@code ee-radar.scoring.forecast.enabled}). The switch is read at each run, so a job is skipped, not unscheduled.
 */
@ApplicationScoped
public class SwitchedOff implements Scheduled.SkipPredicate {
    public static final String DAILY_RESCORE = "daily-rescore";
    public static final String DAILY_FORECASTS = "daily-forecasts";

    @Inject
    ScoringConfig config;

    @Override
    public boolean test(ScheduledExecution execution) {
        return switch (execution.getTrigger().getId()) {
            case DAILY_RESCORE -> !config.rescore().enabled();
            case DAILY_FORECASTS -> !config.forecast().enabled();
            default -> false;
        };
    }
}
