package ca.eeradar.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventTest {

    @Test
    void headersReadBackToTheSameEvent() {
        CloudEvent sent = new CloudEvent(
                EventTypes.invitationLikelyId("91a", 2, "c-7f3a9"),
                EventTypes.INVITATION_LIKELY,
                EventTypes.SOURCE_SCORING,
                Instant.parse("2026-01-21T16:00:05.123456789Z"),
                "c-7f3a9");
        List<Header> headers = sent.headers();

        CloudEvent received = CloudEvent.from(new RecordHeaders(headers));

        assertEquals(sent, received);
        assertEquals("invitation-likely-91a-r2-c-7f3a9", received.id());
        RecordHeaders wire = new RecordHeaders(headers);
        assertEquals("1.0", CloudEvent.text(wire, CloudEvent.SPECVERSION));
        assertEquals("application/json", CloudEvent.text(wire, CloudEvent.CONTENT_TYPE));
        assertEquals("2026-01-21T16:00:05.123456789Z", CloudEvent.text(wire, CloudEvent.TIME));
    }

    @Test
    void missingHeadersReadAsNull() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvent.TYPE, EventTypes.DRAW_ANNOUNCED.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        CloudEvent received = CloudEvent.from(headers);

        assertEquals(new CloudEvent(null, EventTypes.DRAW_ANNOUNCED, null, null, null), received);
        assertNull(CloudEvent.text(headers, CloudEvent.SUBJECT));
    }

    @Test
    void anEventWithoutARequiredAttributeIsRefusedAtTheProducer() {
        CloudEvent noTime =
                new CloudEvent("draw-392-r1", EventTypes.DRAW_ANNOUNCED, EventTypes.SOURCE_SCORING, null, "392");
        IllegalStateException refused = assertThrows(IllegalStateException.class, noTime::headers);
        assertEquals("CloudEvent attribute ce_time is missing", refused.getMessage());
    }
}
