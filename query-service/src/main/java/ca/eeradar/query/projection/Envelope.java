package ca.eeradar.query.projection;

import ca.eeradar.contracts.CloudEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** One record of a topic with the CloudEvent attributes the read model relies on. */
public record Envelope(String topic, String id, String type, Instant time, byte[] payload) {

    public static Envelope of(ConsumerRecord<String, byte[]> record) {
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
        return new Envelope(record.topic(), id, type, at, record.value());
    }
}
