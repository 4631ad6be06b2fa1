package ca.eeradar.kit.outbox;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.EventJson;

/**
 * One record to publish, written to the outbox in the transaction of the fact it announces. A public event
 * carries its CloudEvent (sent as headers, its id deduplicates in the outbox and downstream); a record of an
 * internal topic may carry a {@code keyId} instead (the key that encrypted the payload, sent as a header),
 * and a null payload for a tombstone. {@code cloudEvent} is always set: its id is the outbox's uniqueness.
 */
public record OutboxRecord(String topic, String key, CloudEvent cloudEvent, byte[] payload, String keyId) {

    public static OutboxRecord of(String topic, String key, CloudEvent cloudEvent, Object payload) {
        return new OutboxRecord(topic, key, cloudEvent, EventJson.write(payload), null);
    }
}
