package ca.eeradar.kit.outbox;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.kit.kafka.IdempotentProducers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox in id order: sends a batch, waits for every acknowledgement and only then deletes the
 * rows, in the same database transaction. A crash between the acknowledgement and the commit publishes the
 * batch again with the same ce_id: consumers deduplicate (at-least-once).
 *
 * <p>Order per key: one relay at a time across the cluster (a transaction-scoped advisory lock). With two
 * relays sending overlapping batches, a key's later record could reach the topic before an earlier one (on a
 * compacted topic, win). One key's rows are in the outbox in commit order, and a single idempotent producer
 * (at most 5 in flight) keeps that order per partition. After a failed send nothing of the batch is deleted,
 * and the producer is rebuilt.
 *
 * <p>A background thread publishes as soon as a transaction that wrote to the outbox commits, and every
 * {@link OutboxSettings#pollInterval()} otherwise; {@link #relay()} publishes on the caller's thread.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock only one relay of a database holds at a time (an arbitrary constant, unique per database). */
    private static final long RELAY_LOCK = 0x5C0_0B0L;

    static final String TRACEPARENT = "traceparent";

    @Inject
    DataSource dataSource;
    /** Absent in a service without an outbox (query-service): the relay then never starts. */
    @Inject
    Instance<OutboxSettings> configured;

    @Inject
    IdempotentProducers producers;

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxBacklog backlog;

    @Inject
    RelayRetry retry;

    private OutboxSettings settings;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;
    private Counter published;
    private Counter failures;

    void start(@Observes StartupEvent ignored) {
        if (!configured.isResolvable()) {
            return;
        }
        settings = configured.get();
        String prefix = "eeradar." + settings.service() + ".outbox.";
        published = Counter.builder(prefix + "published")
                .description("Outbox events acknowledged by Kafka")
                .register(registry);
        failures = Counter.builder(prefix + "failures")
                .description("Relay runs stopped by a failed send or database error (retried)")
                .register(registry);
        if (settings.relayEnabled()) {
            running = true;
            worker = new Thread(this::loop, settings.service() + "-outbox-relay");
            worker.setDaemon(true);
            worker.start();
        }
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (worker != null) {
            worker.join(10_000);
        }
        synchronized (this) {
            closeProducer(Duration.ofSeconds(5));
        }
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten ignored) {
        wakeUp.release();
    }

    private void loop() {
        while (running) {
            try {
                // Database or broker unavailable: the rows stay, nothing is lost; RelayRetry backs off and tries again.
                retry.untilPublished(this::relayOrFail);
                wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay still failing, continuing: %s", e.getMessage());
            }
        }
    }

    /** Publishes every row it can on the caller's thread; answers how many were acknowledged (stops at a failure). */
    public int relay() {
        try {
            return relayOrFail();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private synchronized int relayOrFail() {
        int total = 0;
        try {
            while (true) {
                int sent = publishBatch();
                total += sent;
                if (sent == 0) {
                    return total;
                }
            }
        } catch (SQLException | ExecutionException | TimeoutException | RuntimeException e) {
            failures.increment();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warnf(
                    "outbox relay: %d sent, then stopped: %s: %s (retried)",
                    total, cause.getClass().getSimpleName(), cause.getMessage());
            closeProducer(Duration.ZERO);
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return total;
        } finally {
            backlog.refresh();
        }
    }

    /** Publishes one batch; answers how many records went out. */
    private int publishBatch() throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!relayLock(c)) {
                    c.rollback();
                    return 0;
                }
                List<Long> ids = new ArrayList<>();
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement(
                        "select id, event_id, topic, event_key, event_type, event_source, subject, event_time, payload,"
                                + " key_id, traceparent from outbox_event order by id limit ? for update")) {
                    select.setInt(1, settings.batchSize());
                    try (ResultSet rs = select.executeQuery()) {
                        KafkaProducer<String, byte[]> p = null;
                        while (rs.next()) {
                            if (p == null) {
                                p = producer();
                                // Metadata first: with the broker down this fails once instead of every send blocking.
                                p.partitionsFor(rs.getString(3));
                            }
                            ids.add(rs.getLong(1));
                            sends.add(p.send(new ProducerRecord<>(
                                    rs.getString(3), null, rs.getString(4), rs.getBytes(9), headers(rs))));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                long wait = settings.deliveryTimeout().toMillis() + 5_000L;
                for (Future<RecordMetadata> send : sends) {
                    send.get(wait, TimeUnit.MILLISECONDS);
                }
                try (PreparedStatement delete = c.prepareStatement("delete from outbox_event where id = any (?)")) {
                    delete.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                    delete.executeUpdate();
                }
                c.commit();
                published.increment(ids.size());
                return ids.size();
            } catch (SQLException | InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
                c.rollback();
                throw e;
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

    /** An internal record names its key; a tombstone has nothing to say; a public event carries its CloudEvent headers. */
    private static List<Header> headers(ResultSet rs) throws SQLException {
        String keyId = rs.getString(10);
        if (keyId != null) {
            return List.of(new RecordHeader(InternalTopics.KEY_ID_HEADER, keyId.getBytes(StandardCharsets.UTF_8)));
        }
        if (rs.getBytes(9) == null) {
            return List.of();
        }
        List<Header> headers = new ArrayList<>(new CloudEvent(
                        rs.getString(2),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(8).toInstant(),
                        rs.getString(7))
                .headers());
        String traceparent = rs.getString(11);
        if (traceparent != null) {
            headers.add(new RecordHeader(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8)));
        }
        return headers;
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            long delivery = settings.deliveryTimeout().toMillis();
            producer = producers.create(
                    settings.service() + "-outbox-relay",
                    Map.of(
                            ProducerConfig.LINGER_MS_CONFIG,
                            5,
                            ProducerConfig.COMPRESSION_TYPE_CONFIG,
                            "lz4",
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                            (int) delivery,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                            (int) Math.min(settings.requestTimeout().toMillis(), delivery - 5),
                            ProducerConfig.MAX_BLOCK_MS_CONFIG,
                            settings.maxBlock().toMillis()));
        }
        return producer;
    }

    private void closeProducer(Duration timeout) {
        if (producer != null) {
            try {
                producer.close(timeout);
            } catch (RuntimeException e) {
                LOG.debug("closing a failed producer", e);
            }
            producer = null;
        }
    }
}
