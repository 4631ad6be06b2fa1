package ca.eeradar.kit.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * How to reach the broker, for the Kafka clients a service builds itself (the outbox relays, the
 * round fan-out, the rebuild consumer) rather than through a messaging channel.
 *
 * <p>Why: with {@code bootstrap.servers} alone, such a client cannot connect to the production listener
 * (Strimzi, TLS + SCRAM: {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_*}, {@code KAFKA_SSL_*} in
 * deploy/k8s) while the channels can. Starting from the same {@code kafka.*} settings the channels get
 * (Quarkus's {@code default-kafka-broker} map) makes every client connect wherever the channels connect.
 */
@ApplicationScoped
public class BrokerConnection {
    private final Map<String, Object> broker;

    @Inject
    public BrokerConnection(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.broker = Map.copyOf(broker);
    }

    /** The broker's settings with the client's own on top (the client's win: acks, idempotence, ids...). */
    public Map<String, Object> with(Map<String, ?> clientSettings) {
        Map<String, Object> all = new HashMap<>(broker);
        all.putAll(clientSettings);
        return all;
    }
}
