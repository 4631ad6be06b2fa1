package ca.eeradar.scoring.forecasts;

import ca.eeradar.scoring.OneReplica;
import ca.eeradar.scoring.ScoringConfig;
import ca.eeradar.scoring.SwitchedOff;
import ca.eeradar.scoring.Today;
import ca.eeradar.scoring.draws.RoundKept;
import ca.eeradar.scoring.profiles.ProfilesStored;
import ca.eeradar.scoring.profiles.ProfilesStored.StoredProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * When stored candidates' forecasts are recomputed: everyone after a round reached scoring and once a day, the
 * profiles of a write right after it committed. Never on a candidate's own dated event (a birthday, an expiring
 * test): the daily run is for everyone at the same hour, and a stored forecast already counts those days in its
 * timeline, so no event's timing tells a subscriber when something personal happened.
 *
 * <p>Rounds and writes only queue the work, for one worker thread: the round consumer and the PUT do not wait for
 * a scan of every profile. A burst of rounds (the first start replays the whole history of express-entry.draws)
 * collapses into one run once no round came for {@code settle-time}. The clock is read here, at the edge.
 */
@ApplicationScoped
public class ForecastTriggers {
    private static final Logger LOG = Logger.getLogger(ForecastTriggers.class);
    private static final long DAILY_FORECAST_LOCK = 0x5C0_0F0L;

    @Inject
    ForecastRun run;

    @Inject
    ScoringConfig config;

    @Inject
    OneReplica oneReplica;

    @Inject
    Today today;

    @Inject
    Clock clock;

    private final Object lock = new Object();
    private boolean everyonePending;
    private final Map<String, StoredProfile> profilesPending = new LinkedHashMap<>();
    private boolean drainScheduled;
    /** When the last round was kept (System.nanoTime): a timer for the quiet period, not a date. */
    private long lastRoundNanos;

    private ScheduledExecutorService worker;

    @PostConstruct
    void start() {
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "forecast-runs");
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@Observes ShutdownEvent ignored) {
        worker.shutdownNow();
    }

    void roundKept(@Observes RoundKept round) {
        if (!config.forecast().enabled()) {
            return;
        }
        synchronized (lock) {
            everyonePending = true;
            lastRoundNanos = System.nanoTime();
            schedule(config.forecast().settleTime().toNanos());
        }
    }

    void profilesStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProfilesStored stored) {
        if (!config.forecast().enabled()) {
            return;
        }
        synchronized (lock) {
            stored.profiles().forEach(p -> profilesPending.put(p.candidateId(), p));
            schedule(0);
        }
    }

    /**
     * Once a day for everyone, after the daily re-score. One replica of the cluster runs it ({@link OneReplica}, as
     * the re-score); a run that publishes nothing new costs only the computation.
     */
    @Scheduled(
            identity = SwitchedOff.DAILY_FORECASTS,
            cron = "{ee-radar.scoring.forecast.cron}",
            timeZone = "Canada/Eastern",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = SwitchedOff.class)
    void daily() throws SQLException, InterruptedException {
        if (!oneReplica.run(DAILY_FORECAST_LOCK, () -> run.everyone(today.date(), clock.instant()))) {
            LOG.info("daily forecasts: another replica runs them");
        }
    }

    private void schedule(long delayNanos) {
        if (!drainScheduled) {
            drainScheduled = true;
            worker.schedule(this::drain, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Runs what is queued until nothing is; work queued meanwhile is taken by the next turn of the loop. The run for
     * everyone waits until no round came for the settle time (each round restarts the wait), and written profiles
     * queued meanwhile wait for it too: forecast now, from a history still arriving, they would be published from
     * part of it and published again moments later.
     */
    private void drain() {
        while (true) {
            boolean everyone;
            List<StoredProfile> some;
            synchronized (lock) {
                if (everyonePending) {
                    long unsettled = config.forecast().settleTime().toNanos() - (System.nanoTime() - lastRoundNanos);
                    if (unsettled > 0) {
                        worker.schedule(this::drain, unsettled, TimeUnit.NANOSECONDS);
                        return;
                    }
                    everyone = true;
                    some = List.of();
                } else if (profilesPending.isEmpty()) {
                    drainScheduled = false;
                    return;
                } else {
                    everyone = false;
                    some = new ArrayList<>(profilesPending.values());
                }
                everyonePending = false;
                profilesPending.clear();
            }
            try {
                LocalDate day = today.date();
                if (everyone) {
                    run.everyone(day, clock.instant());
                } else {
                    run.some(some, day, clock.instant());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                synchronized (lock) {
                    drainScheduled = false;
                }
                return;
            } catch (Exception e) {
                // The next round, write or day recomputes them: a forecast is a day late, never wrong.
                LOG.warnf("forecasts not recomputed: %s", e.getMessage());
            }
        }
    }
}
