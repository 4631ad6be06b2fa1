package ca.eeradar.query.readmodel;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;

/**
 * What the API needs to know about the read model without asking the database: a version that
 * changes after every committed change (cached answers of an older version are stale), the time of
 * the newest applied event (X-Data-As-Of), and the lock that lets a rebuild run alone: live
 * consumers apply events under the shared side, the rebuild takes the exclusive side.
 */
@ApplicationScoped
public class ReadModelVersion {
    private final AtomicLong version = new AtomicLong();
    private final AtomicReference<Instant> dataAsOf = new AtomicReference<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    @Inject
    DataSource dataSource;

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    public long current() {
        return version.get();
    }

    public Instant dataAsOf() {
        return dataAsOf.get();
    }

    /** Called after a change was committed. */
    public void changed(Instant eventTime) {
        if (eventTime != null) {
            dataAsOf.accumulateAndGet(eventTime, (a, b) -> a == null || b.isAfter(a) ? b : a);
        }
        version.incrementAndGet();
    }

    /** Reads the time of the newest applied event back from the database (start, after a rebuild). */
    public void reload() {
        List<Instant> asOf =
                Sql.query(dataSource, "select data_as_of from read_model_state where id = 1", List.of(), rs -> {
                    Timestamp t = rs.getTimestamp(1);
                    return t == null ? null : t.toInstant();
                });
        dataAsOf.set(asOf.isEmpty() ? null : asOf.get(0));
        version.incrementAndGet();
    }

    public ReadWriteLock lock() {
        return lock;
    }
}
