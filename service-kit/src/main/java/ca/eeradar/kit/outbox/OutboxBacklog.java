package ca.eeradar.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * What the outbox still holds, read from its table: whether a topic's rows up to one are published (a round's
 * fan-out waits for the profile changes committed before it), and the backlog's size and age as metrics
 * ({@code eeradar.<service>.outbox.lag} and {@code .pending}), refreshed after every relay run.
 */
@ApplicationScoped
public class OutboxBacklog {
    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    @Inject
    DataSource dataSource;
    /** Absent in a service without an outbox (query-service): no gauges then. */
    @Inject
    Instance<OutboxSettings> configured;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private final AtomicReference<Instant> oldestUnsent = new AtomicReference<>();
    private final AtomicLong unsent = new AtomicLong();

    void register(@Observes StartupEvent ignored) {
        if (!configured.isResolvable()) {
            return;
        }
        String prefix = "eeradar." + configured.get().service() + ".outbox.";
        Gauge.builder(prefix + "lag", this, OutboxBacklog::lagSeconds)
                .description("Age of the oldest outbox event not yet acknowledged by Kafka (0 when none)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder(prefix + "pending", unsent, AtomicLong::get)
                .description("Outbox events not yet acknowledged by Kafka")
                .register(registry);
    }

    /** The newest outbox row of a topic now (0 if none): what a later {@link #published} waits for. */
    public long newestRow(String topic) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select coalesce(max(id), 0) from outbox_event where topic = ?")) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Whether every row of the topic up to {@code id} was published (the relay deletes a row once the broker has it). */
    public boolean published(String topic, long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select not exists (select 1 from outbox_event where topic = ? and id <= ?)")) {
            ps.setString(1, topic);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Outbox events not yet acknowledged, as of the last relay run. */
    public long pending() {
        return unsent.get();
    }

    /** Reads the backlog's size and oldest row again (after a relay run). */
    void refresh() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select min(created_at), count(*) from outbox_event");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            oldestUnsent.set(
                    rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant());
            unsent.set(rs.getLong(2));
        } catch (SQLException e) {
            LOG.debug("cannot measure the outbox lag", e);
        }
    }

    double lagSeconds() {
        Instant oldest = oldestUnsent.get();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
