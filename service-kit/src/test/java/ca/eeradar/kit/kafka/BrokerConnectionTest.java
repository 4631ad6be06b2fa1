package ca.eeradar.kit.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerConnectionTest {

    @Test
    void aClientGetsTheSecuritySettingsOfTheChannelsAndKeepsItsOwn() {
        BrokerConnection connection = new BrokerConnection(Map.of(
                "bootstrap.servers", "ee-radar-kafka-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "acks", "1"));
        Map<String, Object> relay = connection.with(Map.of("acks", "all", "client.id", "ingest-outbox-relay"));
        assertEquals(
                Map.of(
                        "bootstrap.servers", "ee-radar-kafka-kafka-bootstrap:9093",
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "SCRAM-SHA-512",
                        "acks", "all",
                        "client.id", "ingest-outbox-relay"),
                relay);
    }
}
