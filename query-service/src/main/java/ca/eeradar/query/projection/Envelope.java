package ca.eeradar.query.projection;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Topics;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record of a topic with the CloudEvent attributes the read model relies on. On a topic whose keys end with a
 * tombstone (express-entry.invitation-forecasts) a record without a value is one: it has no headers to read, and
 * its type is {@link #TOMBSTONE}.
 */
public record Envelope(String topic, String key, String id, String type, Instant time, byte[] payload) {
    /** The type of a tombstone: not an event type of the contracts, it carries no CloudEvent. */
    public static final String TOMBSTONE = "tombstone";

    private static final Set<String> TOMBSTONE_TOPICS = Set.of(Topics.INVITATION_FORECASTS);

    public boolean tombstone() {
        return TOMBSTONE.equals(type);
    }

    public static Envelope of(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null && TOMBSTONE_TOPICS.contains(record.topic())) {
            String id = TOMBSTONE + "-" + record.topic() + "-" + record.partition() + "@" + record.offset();
            return new Envelope(record.topic(), record.key(), id, TOMBSTONE, null, null);
        }
        String id = CloudEvent.text(record.headers(), CloudEvent.ID);
        String type = CloudEvent.text(record.headers(), CloudEvent.TYPE);
        String time = CloudEvent.text(record.headers(), CloudEvent.TIME);
        if (id == null || id.isBlank()) {
            throw new MalformedEventException("missing header " + CloudEvent.ID);
        }
        if (type == null || type.isBlank()) {
            throw new MalformedEventException("missing header " + CloudEvent.TYPE);
        }
        if (time == null) {
            throw new MalformedEventException("missing header " + CloudEvent.TIME);
        }
        Instant at;
        try {
            at = Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("header " + CloudEvent.TIME + " is not an ISO-8601 instant: " + time);
        }
        if (record.value() == null || record.value().length == 0) {
            throw new MalformedEventException("no payload");
        }
        return new Envelope(record.topic(), record.key(), id, type, at, record.value());
    }
}
