package ca.eeradar.scoring.outbox;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.EventJson;

/**
 * One record waiting in the outbox: where it goes, its CloudEvent attributes and its payload. A
 * record of the internal profile topic has a {@code keyId} (the key that encrypted the payload, sent
 * as a header instead of the CloudEvent headers) and a null payload for a tombstone.
 */
public record OutboxEvent(String topic, String key, CloudEvent cloudEvent, byte[] payload, String keyId) {

    public static OutboxEvent of(String topic, String key, CloudEvent cloudEvent, Object payload) {
        return new OutboxEvent(topic, key, cloudEvent, EventJson.write(payload), null);
    }
}
