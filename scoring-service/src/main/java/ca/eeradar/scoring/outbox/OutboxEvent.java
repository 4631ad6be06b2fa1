package ca.eeradar.scoring.outbox;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.EventJson;

/** One event waiting in the outbox: where it goes, its CloudEvent attributes and its JSON payload. */
public record OutboxEvent(String topic, String key, CloudEvent cloudEvent, byte[] payload) {

    public static OutboxEvent of(String topic, String key, CloudEvent cloudEvent, Object payload) {
        return new OutboxEvent(topic, key, cloudEvent, EventJson.write(payload));
    }
}
