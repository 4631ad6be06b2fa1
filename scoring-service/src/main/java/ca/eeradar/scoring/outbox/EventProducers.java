package ca.eeradar.scoring.outbox;

import ca.eeradar.kit.kafka.BrokerConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka producers of this service. Always idempotent with acks=all and no application-level
 * retries on top of the producer's own (KAFKA-PRACTICES: smallrye#1299); connected with the same
 * {@code kafka.*} settings as the channels (TLS + SCRAM in production).
 */
@ApplicationScoped
public class EventProducers {
    @Inject
    BrokerConnection broker;

    public KafkaProducer<String, byte[]> create(String clientId, Map<String, Object> tuning) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.putAll(tuning);
        return new KafkaProducer<>(broker.with(props), new StringSerializer(), new ByteArraySerializer());
    }
}
