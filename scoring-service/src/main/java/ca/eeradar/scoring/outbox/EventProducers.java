package ca.eeradar.scoring.outbox;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka producers of this service. Always idempotent with acks=all and no application-level
 * retries on top of the producer's own (KAFKA-PRACTICES: smallrye#1299).
 */
public final class EventProducers {
    private EventProducers() {
    }

    public static KafkaProducer<String, byte[]> create(String bootstrapServers, String clientId, Map<String, Object> tuning) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.putAll(tuning);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
