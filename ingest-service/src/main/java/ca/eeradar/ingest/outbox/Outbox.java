package ca.eeradar.ingest.outbox;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.EventJson;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes outgoing events. Must run inside the transaction that writes the fact: either both are committed or
 * neither, and the relay publishes only what was committed.
 */
@ApplicationScoped
public class Outbox {

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, CloudEvent event, Object payload, Instant now) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.topic = topic;
        row.eventKey = key;
        row.eventType = event.type();
        row.eventSource = event.source();
        row.eventSubject = event.subject();
        row.eventTime = event.time();
        row.payload = new String(EventJson.write(payload), StandardCharsets.UTF_8);
        row.traceparent = traceparent();
        row.createdAt = now;
        row.persist();
    }

    /**
     * The relay publishes later, outside the request: the trace context is captured now, so that scoring and
     * query continue the trace of the request or poll that produced the fact.
     */
    private static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
