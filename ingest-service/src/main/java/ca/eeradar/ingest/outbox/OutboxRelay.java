package ca.eeradar.ingest.outbox;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.ingest.IngestConfig;
import ca.eeradar.kit.kafka.IdempotentProducers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka and marks a row sent only once the broker acknowledged it
 * (idempotent producer, acks=all). At-least-once: a crash between the acknowledgement and the commit publishes
 * the row again, with the same ce_id, which consumers deduplicate.
 * <p>
 * Order per key (draw number) holds even with several relays: rows are locked with FOR UPDATE SKIP LOCKED, and
 * a row is taken only when no older unsent row of the same key exists, so revision 2 never overtakes revision 1.
 * After a failed send nothing later in the batch is marked sent, and the producer is rebuilt.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String TRACEPARENT = "traceparent";
    private static final String NEXT_ROWS = """
            SELECT o.* FROM outbox_event o
             WHERE o.sent_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM outbox_event older
                                WHERE older.topic = o.topic AND older.event_key = o.event_key
                                  AND older.sent_at IS NULL AND older.id < o.id)
             ORDER BY o.id
             LIMIT :limit
             FOR UPDATE OF o SKIP LOCKED""";

    @Inject
    IngestConfig config;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;
    @Inject
    IdempotentProducers producers;

    private Producer<String, byte[]> producer;
    private final AtomicReference<Instant> oldestUnsent = new AtomicReference<>();
    private final AtomicLong unsent = new AtomicLong();
    private Counter published;
    private Counter failures;

    @PostConstruct
    void metrics() {
        Gauge.builder("eeradar.ingest.outbox.lag", this, OutboxRelay::lagSeconds)
                .description("Age of the oldest outbox event not yet acknowledged by Kafka (0 when none)")
                .baseUnit("seconds").register(registry);
        Gauge.builder("eeradar.ingest.outbox.pending", unsent, AtomicLong::get)
                .description("Outbox events not yet acknowledged by Kafka").register(registry);
        published = Counter.builder("eeradar.ingest.outbox.published")
                .description("Outbox events acknowledged by Kafka").register(registry);
        failures = Counter.builder("eeradar.ingest.outbox.failures")
                .description("Relay runs stopped by a failed send (broker down, timeout)").register(registry);
    }

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${ee-radar.ingest.outbox.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (config.outbox().relayEnabled() && !stopping) {
            relay();
        }
    }

    /** Publishes every unsent row it can; answers how many were acknowledged. */
    public synchronized int relay() {
        int total = 0;
        try {
            while (true) {
                Batch batch = QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds()).call(this::publishBatch);
                total += batch.sent();
                if (batch.failure() != null) {
                    failures.increment();
                    LOG.warnf("outbox relay: %d sent, then stopped: %s (retrying on the next run)", total, batch.failure());
                    closeProducer();
                    break;
                }
                if (batch.taken() == 0) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf(e, "outbox relay failed after %d sent", total);
            closeProducer();
        } finally {
            refreshLag();
        }
        return total;
    }

    private record Batch(int taken, int sent, String failure) {
    }

    private Batch publishBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> rows = em.createNativeQuery(NEXT_ROWS, OutboxEvent.class)
                .setParameter("limit", config.outbox().batchSize()).getResultList();
        if (rows.isEmpty()) {
            return new Batch(0, 0, null);
        }
        // The query takes at most one row per key, so rows of a batch are independent: each is marked sent
        // exactly when the broker acknowledged it, and a failed one keeps its successors of the same key waiting.
        List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
        String failure = null;
        try {
            Producer<String, byte[]> p = producer();
            // Metadata first: with the broker down this fails once, instead of every send() blocking max.block.ms.
            rows.stream().map(r -> r.topic).distinct().forEach(p::partitionsFor);
            for (OutboxEvent row : rows) {
                futures.add(p.send(record(row)));
            }
        } catch (RuntimeException e) {
            failure = describe(e);
        }
        int sent = 0;
        long wait = config.outbox().deliveryTimeout().toMillis() + 5_000;
        for (int i = 0; i < rows.size(); i++) {
            OutboxEvent row = rows.get(i);
            row.attempts++;
            String error = failure;
            if (i < futures.size()) {
                try {
                    futures.get(i).get(wait, TimeUnit.MILLISECONDS);
                    row.sentAt = clock.instant();
                    row.lastError = null;
                    sent++;
                    continue;
                } catch (ExecutionException e) {
                    error = describe(e.getCause());
                } catch (TimeoutException e) {
                    error = "no acknowledgement within " + wait + " ms";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    error = "interrupted";
                }
            }
            row.lastError = error;
            failure = failure == null ? error : failure;
        }
        published.increment(sent);
        return new Batch(rows.size(), sent, failure);
    }

    private static ProducerRecord<String, byte[]> record(OutboxEvent row) {
        CloudEvent ce = new CloudEvent(row.eventId, row.eventType, row.eventSource, row.eventTime, row.eventSubject);
        List<Header> headers = new ArrayList<>(ce.headers());
        if (row.traceparent != null) {
            headers.add(new RecordHeader(TRACEPARENT, row.traceparent.getBytes(StandardCharsets.UTF_8)));
        }
        return new ProducerRecord<>(row.topic, null, row.eventKey, row.payload.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private int transactionTimeoutSeconds() {
        Duration d = config.outbox().deliveryTimeout().plus(config.outbox().maxBlock()).plusSeconds(30);
        return (int) d.toSeconds();
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> tuning = new HashMap<>();
            tuning.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            tuning.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.outbox().deliveryTimeout().toMillis());
            tuning.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(config.outbox().requestTimeout().toMillis(),
                    config.outbox().deliveryTimeout().toMillis() - 5));
            tuning.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.outbox().maxBlock().toMillis());
            producer = producers.create("ingest-outbox-relay", tuning);
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("closing a failed producer", e);
            }
            producer = null;
        }
    }

    @PreDestroy
    synchronized void shutdown() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private void refreshLag() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "SELECT min(created_at), count(*) FROM outbox_event WHERE sent_at IS NULL").getSingleResult());
            oldestUnsent.set(row[0] == null ? null : toInstant(row[0]));
            unsent.set(((Number) row[1]).longValue());
        } catch (RuntimeException e) {
            LOG.debug("cannot measure the outbox lag", e);
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp " + value.getClass());
    }

    double lagSeconds() {
        Instant oldest = oldestUnsent.get();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    /** Outbox events not yet acknowledged, as of the last relay run. */
    public long pending() {
        return unsent.get();
    }
}
