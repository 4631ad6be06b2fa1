package ca.eeradar.scoring.profiles;

import ca.eeradar.crs.Profile;
import ca.eeradar.kit.outbox.Outbox;
import ca.eeradar.kit.outbox.OutboxRecord;
import ca.eeradar.scoring.pool.CompactProfile;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Publishes every stored profile onto the profile topic once per compact layout: the migration of a
 * database that existed before the topic, and the re-publication after a change of layout. Resumable
 * (the last candidate id is kept with each batch) and safe with several replicas (one holds the
 * advisory lock; the others find the work done or taken). Each batch locks its rows (FOR SHARE), so a
 * concurrent PUT either commits before the batch reads its row (the batch then publishes the new
 * version after it) or waits for the batch (and its own row follows): a stale profile never wins.
 */
@ApplicationScoped
public class ProfileTopicBackfill {
    private static final Logger LOG = Logger.getLogger(ProfileTopicBackfill.class);
    private static final long BACKFILL_LOCK = 0x5C0_0B1L;
    private static final int BATCH = 1000;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ProfileTopic profileTopic;

    @Inject
    Outbox outbox;

    private volatile boolean done;

    /** Until it is done: a few seconds after start, then again whenever a run found the lock taken. */
    @Scheduled(every = "10s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (done) {
            return;
        }
        String layout = CompactProfile.layout();
        long published = 0;
        Batch batch;
        do {
            batch = publishBatch(layout);
            published += batch.published();
        } while (batch.state() == State.MORE);
        if (batch.state() == State.DONE) {
            done = true;
            if (published > 0) {
                LOG.infof("profile topic: %d stored profiles published for layout %s", published, layout);
            }
        }
    }

    /** Forget that this replica finished: the next run checks the marker table again (an operator reset it). */
    void restart() {
        done = false;
    }

    enum State {
        MORE,
        DONE,
        LOCKED_ELSEWHERE
    }

    record Batch(State state, int published) {}

    @Transactional
    Batch publishBatch(String layout) {
        Batch[] result = new Batch[1];
        List<Object[]> rows = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, BACKFILL_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        result[0] = new Batch(State.LOCKED_ELSEWHERE, 0);
                        return;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into profile_topic_backfill (layout) values (?) on conflict do nothing")) {
                insert.setString(1, layout);
                insert.executeUpdate();
            }
            String after;
            try (PreparedStatement progress =
                    c.prepareStatement("select last_candidate_id, done from profile_topic_backfill where layout = ?")) {
                progress.setString(1, layout);
                try (ResultSet rs = progress.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(2)) {
                        result[0] = new Batch(State.DONE, 0);
                        return;
                    }
                    after = rs.getString(1);
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "select candidate_id, version, profile_compact, profile_json"
                            + " from candidate_profile where candidate_id > ? order by candidate_id limit ? for share")) {
                select.setString(1, after == null ? "" : after);
                select.setInt(2, BATCH);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getBytes(3), rs.getString(4)});
                    }
                }
            }
            String last = rows.isEmpty() ? after : (String) rows.get(rows.size() - 1)[0];
            try (PreparedStatement update = c.prepareStatement(
                    "update profile_topic_backfill set last_candidate_id = ?, done = ?, updated_at = now() where layout = ?")) {
                update.setString(1, last);
                update.setBoolean(2, rows.isEmpty());
                update.setString(3, layout);
                update.executeUpdate();
            }
            result[0] = new Batch(rows.isEmpty() ? State.DONE : State.MORE, rows.size());
        });
        if (!rows.isEmpty()) {
            Instant now = clock.instant();
            List<OutboxRecord> events = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                Profile profile = row[2] == null ? null : CompactProfile.decode((byte[]) row[2]);
                if (profile == null) {
                    profile = ProfileJson.read((String) row[3]);
                }
                events.add(profileTopic.changed((String) row[0], (Long) row[1], profile, now));
            }
            outbox.addAll(events);
        }
        return result[0];
    }
}
