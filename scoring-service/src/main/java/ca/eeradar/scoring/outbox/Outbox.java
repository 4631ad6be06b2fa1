package ca.eeradar.scoring.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import org.hibernate.Session;

/**
 * Writes events into the outbox table inside the caller's transaction, so that the state change
 * and the event commit or roll back together (a Kafka send inside a database transaction would
 * not be atomic: quarkus#7810). The same event id twice is ignored.
 */
@ApplicationScoped
public class Outbox {
    @Inject
    EntityManager em;

    @Inject
    Event<OutboxWritten> written;

    /** Fired inside the transaction; the relay observes it after a successful commit to publish at once. */
    public record OutboxWritten() {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(OutboxEvent event) {
        addAll(List.of(event));
    }

    /**
     * Writes the events as one JDBC batch, in list order: the rows get ascending ids in that order,
     * and the relay publishes by id, so the order of a candidate's events holds on the topic.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("insert into outbox_event"
                    + " (event_id, topic, event_key, event_type, subject, event_time, payload, key_id)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing")) {
                for (OutboxEvent event : events) {
                    var ce = event.cloudEvent();
                    insert.setString(1, ce.id());
                    insert.setString(2, event.topic());
                    insert.setString(3, event.key());
                    insert.setString(4, ce.type());
                    insert.setString(5, ce.subject());
                    insert.setTimestamp(6, Timestamp.from(ce.time()));
                    insert.setBytes(7, event.payload());
                    insert.setString(8, event.keyId());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        written.fire(new OutboxWritten());
    }
}
