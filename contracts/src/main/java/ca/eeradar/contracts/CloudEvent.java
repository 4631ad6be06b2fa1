package ca.eeradar.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * CloudEvents 1.0 attributes carried in binary mode as Kafka headers ({@code ce_*}). The id is
 * deterministic (derived from the fact, never random) so that a consumer can deduplicate a
 * redelivered or replayed event by id alone.
 */
public record CloudEvent(String id, String type, String source, Instant time, String subject) {
    public static final String SPEC_VERSION = "1.0";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPECVERSION = "ce_specversion";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    /**
     * The headers of a record to publish. Every attribute the AsyncAPI document marks required must be
     * there: an event without them would be dead-lettered by every consumer, so it is refused here,
     * at the producer, with the attribute's name.
     */
    public List<Header> headers() {
        requirePresent(ID, id);
        requirePresent(TYPE, type);
        requirePresent(SOURCE, source);
        requirePresent(TIME, time);
        requirePresent(SUBJECT, subject);
        List<Header> headers = new ArrayList<>(7);
        headers.add(header(ID, id));
        headers.add(header(TYPE, type));
        headers.add(header(SOURCE, source));
        headers.add(header(TIME, time.toString()));
        headers.add(header(SPECVERSION, SPEC_VERSION));
        headers.add(header(SUBJECT, subject));
        headers.add(header(CONTENT_TYPE, "application/json"));
        return headers;
    }

    /** Reads the attributes back from a record's headers; missing ones are null. */
    public static CloudEvent from(Headers headers) {
        String time = text(headers, TIME);
        return new CloudEvent(
                text(headers, ID),
                text(headers, TYPE),
                text(headers, SOURCE),
                time == null ? null : Instant.parse(time),
                text(headers, SUBJECT));
    }

    public static String text(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void requirePresent(String attribute, Object value) {
        if (value == null) {
            throw new IllegalStateException("CloudEvent attribute " + attribute + " is missing");
        }
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
