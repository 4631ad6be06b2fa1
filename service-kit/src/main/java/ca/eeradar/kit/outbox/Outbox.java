package ca.eeradar.kit.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes records into the service's {@code outbox_event} table inside the caller's transaction, so that the
 * state change and its events commit or roll back together (a Kafka send inside a database transaction would
 * not be atomic). The same CloudEvent id twice is ignored. {@link OutboxRelay} publishes what was committed.
 */
@ApplicationScoped
public class Outbox {
    @Inject
    DataSource dataSource;

    @Inject
    Event<OutboxWritten> written;

    @Inject
    Clock clock;

    /** Fired inside the transaction; the relay observes it after a successful commit to publish at once. */
    public record OutboxWritten() {}

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(OutboxRecord record) {
        addAll(List.of(record));
    }

    /**
     * Writes the records as one JDBC batch, in list order: the rows get ascending ids in that order and the
     * relay publishes by id, so the order of one key's records holds on the topic.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(List<OutboxRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        String traceparent = traceparent();
        Timestamp now = Timestamp.from(clock.instant());
        // The connection is the one enlisted in the caller's JTA transaction; closing it returns it to the pool.
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "insert into outbox_event"
                                + " (event_id, topic, event_key, event_type, event_source, subject, event_time, payload, key_id,"
                                + " traceparent, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing")) {
            for (OutboxRecord record : records) {
                var ce = record.cloudEvent();
                insert.setString(1, ce.id());
                insert.setString(2, record.topic());
                insert.setString(3, record.key());
                insert.setString(4, ce.type());
                insert.setString(5, ce.source());
                insert.setString(6, ce.subject());
                insert.setTimestamp(7, Timestamp.from(ce.time()));
                insert.setBytes(8, record.payload());
                insert.setString(9, record.keyId());
                insert.setString(10, record.keyId() == null ? traceparent : null);
                insert.setTimestamp(11, now);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox write failed: " + e.getMessage(), e);
        }
        written.fire(new OutboxWritten());
    }

    /**
     * The relay publishes later, outside the request: the trace context is captured now, so that consumers
     * continue the trace of the request or poll that produced the fact.
     */
    private static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }
}
