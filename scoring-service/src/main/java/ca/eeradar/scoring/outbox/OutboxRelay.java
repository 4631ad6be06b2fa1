package ca.eeradar.scoring.outbox;

import ca.eeradar.kit.kafka.IdempotentProducers;
import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.InternalTopics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import ca.eeradar.scoring.ScoringConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox in id order: sends a batch, waits for every acknowledgement and only then
 * deletes the rows in the same transaction. A crash between the acknowledgement and the commit
 * publishes the batch again with the same ce_id: consumers deduplicate (at-least-once).
 *
 * <p>One relay at a time across the cluster (a transaction-scoped advisory lock): with two relays
 * sending overlapping batches, a candidate's later profile could reach the compacted topic before
 * an earlier one and win. One candidate's rows are in the outbox in commit order (each writer locks
 * the profile row first), and a single idempotent producer keeps that order per partition.
 */
@ApplicationScoped
public class OutboxRelay {
    /** The advisory lock only one relay of the cluster holds at a time (an arbitrary constant, unique in this database). */
    private static final long RELAY_LOCK = 0x5C0_0B0L;
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    DataSource dataSource;

    @Inject
    ScoringConfig config;

    @Inject
    IdempotentProducers producers;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;

    void start(@Observes StartupEvent ignored) {
        producer = producers.create("scoring-service-outbox",
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (worker != null) {
            worker.join(10_000);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten ignored) {
        wakeUp.release();
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                int published = publishBatch();
                backoff = Duration.ofMillis(200);
                if (published == 0) {
                    wakeUp.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // Database or broker unavailable: the rows stay, nothing is lost; try again later.
                LOG.warnf("outbox relay paused %d ms: %s", backoff.toMillis(), e.getMessage());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
            }
        }
    }

    /** Publishes one batch; answers how many events went out. */
    int publishBatch() throws SQLException, InterruptedException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                if (!relayLock(c)) {
                    c.rollback();
                    return 0;
                }
                try (PreparedStatement select = c.prepareStatement(
                        "select id, event_id, topic, event_key, event_type, subject, event_time, payload, key_id from outbox_event"
                                + " order by id limit ? for update")) {
                    select.setInt(1, config.outbox().batchSize());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                            sends.add(producer.send(new ProducerRecord<>(rs.getString(3), null, rs.getString(4), rs.getBytes(8),
                                    headers(rs))));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                for (Future<RecordMetadata> send : sends) {
                    send.get(config.evaluation().producer().deliveryTimeoutMs() + 5_000L, TimeUnit.MILLISECONDS);
                }
                try (PreparedStatement delete = c.prepareStatement("delete from outbox_event where id = any (?)")) {
                    delete.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                    delete.executeUpdate();
                }
                c.commit();
                return ids.size();
            } catch (Exception e) {
                c.rollback();
                if (e instanceof InterruptedException ie) {
                    throw ie;
                }
                if (e instanceof SQLException se) {
                    throw se;
                }
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    /** Another replica's relay holds it: this one publishes nothing until that transaction ends. */
    private static boolean relayLock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** A profile record names its key; a tombstone has nothing to say; a public event carries its CloudEvent headers. */
    private static List<Header> headers(ResultSet rs) throws SQLException {
        String keyId = rs.getString(9);
        if (keyId != null) {
            return List.of(new RecordHeader(InternalTopics.KEY_ID_HEADER, keyId.getBytes(StandardCharsets.UTF_8)));
        }
        if (rs.getBytes(8) == null) {
            return List.of();
        }
        return new CloudEvent(rs.getString(2), rs.getString(5), EventTypes.SOURCE_SCORING, rs.getTimestamp(7).toInstant(),
                rs.getString(6)).headers();
    }

    /** The newest outbox row of a topic now (0 if none): what a later {@link #published} waits for. */
    public long newestRow(String topic) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select coalesce(max(id), 0) from outbox_event where topic = ?")) {
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
             PreparedStatement ps = c.prepareStatement("select not exists (select 1 from outbox_event where topic = ? and id <= ?)")) {
            ps.setString(1, topic);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
