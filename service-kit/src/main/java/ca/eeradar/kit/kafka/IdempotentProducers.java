package ca.eeradar.kit.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way every service builds the Kafka producers it owns (outbox relays, the round fan-out, dead
 * letters): idempotent with acks=all, at most 5 requests in flight (the limit under which the idempotent
 * producer keeps per-partition order), and no application-level retry on top of the producer's own, which
 * would reorder and duplicate (https://github.com/smallrye/smallrye-reactive-messaging/issues/1299).
 * Connected with the same {@code kafka.*} settings as the channels ({@link BrokerConnection}).
 */
@ApplicationScoped
public class IdempotentProducers {
    @Inject
    BrokerConnection broker;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "ee-radar")
    String application;

    /** A producer opened on first use, with client id {@code <application>-<purpose>}; its owner closes it. */
    public LazyProducer lazy(String purpose) {
        return new LazyProducer(this, application + "-" + purpose);
    }

    /** A producer of string keys and byte values; {@code tuning} adds or overrides settings (timeouts, linger, transactional id). */
    public KafkaProducer<String, byte[]> create(String clientId, Map<String, ?> tuning) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.putAll(tuning);
        return new KafkaProducer<>(broker.with(props), new StringSerializer(), new ByteArraySerializer());
    }
}
