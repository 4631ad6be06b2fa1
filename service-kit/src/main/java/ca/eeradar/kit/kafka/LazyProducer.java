package ca.eeradar.kit.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * A producer a bean owns but may never need (dead letters, redrives): opened on first use, so a service that
 * never dead-letters opens no connection, and closed with its owner.
 */
public final class LazyProducer implements AutoCloseable {
    private final IdempotentProducers producers;
    private final String clientId;
    private KafkaProducer<String, byte[]> producer;

    LazyProducer(IdempotentProducers producers, String clientId) {
        this.producers = producers;
        this.clientId = clientId;
    }

    public synchronized KafkaProducer<String, byte[]> get() {
        if (producer == null) {
            producer = producers.create(clientId, Map.of());
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }
}
