package ca.eeradar.scoring.profiles;

import ca.eeradar.crs.Profile;
import ca.eeradar.scoring.ScoringConfig;
import ca.eeradar.scoring.pool.CompactProfile;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Streams stored profiles to a handler in parallel batches: one reader thread on a server-side
 * cursor (autocommit off + fetch size, read-only, no entity per row), a fixed pool of workers, and
 * at most two batches per worker in flight, so memory stays flat whatever the table size.
 */
@ApplicationScoped
public class ProfileStream {
    /**
     * One stored profile as the hot path sees it: still bytes (the compact form, or the JSON when there
     * is none), decoded by the worker thread.
     */
    public record Row(
            String candidateId,
            long version,
            Instant submittedAt,
            String scoreFingerprint,
            byte[] compact,
            byte[] json) {
        public Profile profile() {
            Profile p = compact == null ? null : CompactProfile.decode(compact);
            return p != null ? p : ProfileJson.read(json);
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    ScoringConfig config;

    private ExecutorService workers;
    private int parallelism;

    @PostConstruct
    void init() {
        int configured = config.evaluation().parallelism();
        parallelism = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "profile-stream-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@Observes ShutdownEvent ignored) {
        workers.shutdownNow();
    }

    /**
     * Every profile submitted in {@code [submittedFrom, submittedBefore)} (nulls: unbounded), handed to
     * {@code handler} in batches on the worker threads. Returns after every batch was handled; the
     * first exception of a handler is rethrown.
     */
    public long stream(Instant submittedFrom, Instant submittedBefore, Consumer<List<Row>> handler)
            throws SQLException, InterruptedException {
        int batchSize = config.evaluation().batchSize();
        int permits = parallelism * 2;
        Semaphore inFlight = new Semaphore(permits);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement(
                    "select candidate_id, version, submitted_at, score_fingerprint, profile_compact,"
                            + " case when profile_compact is null then profile_json end from candidate_profile"
                            + " where submitted_at >= ? and submitted_at < ?",
                    ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(config.evaluation().fetchSize());
                ps.setTimestamp(
                        1,
                        Timestamp.from(submittedFrom == null ? Instant.parse("1900-01-01T00:00:00Z") : submittedFrom));
                ps.setTimestamp(
                        2,
                        Timestamp.from(
                                submittedBefore == null ? Instant.parse("9999-01-01T00:00:00Z") : submittedBefore));
                try (ResultSet rs = ps.executeQuery()) {
                    List<Row> batch = new ArrayList<>(batchSize);
                    while (rs.next()) {
                        batch.add(new Row(
                                rs.getString(1),
                                rs.getLong(2),
                                rs.getTimestamp(3).toInstant(),
                                rs.getString(4),
                                rs.getBytes(5),
                                rs.getBytes(6)));
                        rows++;
                        if (batch.size() == batchSize) {
                            submit(batch, handler, inFlight, failure);
                            batch = new ArrayList<>(batchSize);
                        }
                        if (failure.get() != null) {
                            break;
                        }
                    }
                    if (!batch.isEmpty()) {
                        submit(batch, handler, inFlight, failure);
                    }
                }
            } finally {
                c.rollback();
            }
        } finally {
            inFlight.acquire(permits);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        return rows;
    }

    private void submit(
            List<Row> batch, Consumer<List<Row>> handler, Semaphore inFlight, AtomicReference<Throwable> failure)
            throws InterruptedException {
        inFlight.acquire();
        try {
            workers.execute(() -> {
                try {
                    handler.accept(batch);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }
}
