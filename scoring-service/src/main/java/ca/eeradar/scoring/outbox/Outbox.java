package ca.eeradar.scoring.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;

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
        var ce = event.cloudEvent();
        em.createNativeQuery("insert into outbox_event (event_id, topic, event_key, event_type, subject, event_time, payload)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (event_id) do nothing")
                .setParameter(1, ce.id())
                .setParameter(2, event.topic())
                .setParameter(3, event.key())
                .setParameter(4, ce.type())
                .setParameter(5, ce.subject())
                .setParameter(6, Timestamp.from(ce.time()))
                .setParameter(7, event.payload())
                .executeUpdate();
        written.fire(new OutboxWritten());
    }
}
