package ca.eeradar.scoring.profiles;

import ca.eeradar.crs.CrsEngine;
import ca.eeradar.scoring.OneReplica;
import ca.eeradar.scoring.SwitchedOff;
import ca.eeradar.scoring.Today;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jboss.logging.Logger;

/**
 * Scores change with the calendar alone: a birthday lowers the age points, a language test or an
 * ECA expires, a new rule set takes effect. Once a day every stored profile is assessed as of the
 * first day of that day's month, as every published score is (ProfileScoring); only those whose
 * assessment differs from the stored one are re-scored in full and emit CandidateScored. So a change
 * of the calendar is published on the 1st of the month after it, never on the birthday or the expiry
 * date itself (README "Privacy"), and the other days of the month find nothing to emit; running the
 * same day twice emits nothing new either.
 */
@ApplicationScoped
public class DailyRescore {
    private static final Logger LOG = Logger.getLogger(DailyRescore.class);
    private static final long RESCORE_LOCK = 0x5C0_0B2L;

    @Inject
    ProfileStream profiles;

    @Inject
    ProfileStore store;

    @Inject
    Scorer scorer;

    @Inject
    OneReplica oneReplica;

    @Inject
    Today today;

    /**
     * The clock is read here, at the edge; everything below takes the date as a parameter. One replica
     * of the cluster runs it ({@link OneReplica}); a replica that starts it later the same day finds nothing changed, since a re-score is
     * only emitted when the stored fingerprint differs.
     */
    @Scheduled(
            identity = SwitchedOff.DAILY_RESCORE,
            cron = "{ee-radar.scoring.rescore.cron}",
            timeZone = "Canada/Eastern",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = SwitchedOff.class)
    void daily() throws SQLException, InterruptedException {
        if (!oneReplica.run(RESCORE_LOCK, () -> rescore(today.date()))) {
            LOG.info("daily re-score: another replica runs it");
        }
    }

    /** Re-scores every profile whose score changed as of {@code day}; answers how many changed. */
    public int rescore(LocalDate day) throws SQLException, InterruptedException {
        CrsEngine engine = scorer.engine();
        Queue<String> changed = new ConcurrentLinkedQueue<>();
        long scanned = profiles.stream(null, null, (List<ProfileStream.Row> batch) -> {
            for (ProfileStream.Row row : batch) {
                try {
                    String now = ProfileScoring.fingerprint(engine, row.profile(), day);
                    if (!now.equals(row.scoreFingerprint())) {
                        changed.add(row.candidateId());
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(
                            "candidate %s not re-scored: %s",
                            row.candidateId(), e.getClass().getSimpleName());
                }
            }
        });
        int emitted = 0;
        for (String candidateId : changed) {
            if (store.rescoreIfChanged(candidateId, day)) {
                emitted++;
            }
        }
        LOG.infof(
                "daily re-score on %s (scores as of %s): %d profiles, %d changed",
                day, ca.eeradar.contracts.rules.ScoreMonth.of(day), scanned, emitted);
        return emitted;
    }
}
