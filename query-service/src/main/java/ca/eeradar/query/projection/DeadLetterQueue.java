package ca.eeradar.query.projection;

import ca.eeradar.contracts.DeadLetterHeaders;
import ca.eeradar.contracts.Topics;
import ca.eeradar.kit.kafka.IdempotentProducers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.Config;

/**
 * Dead-letters single records of a batch. The channels consume in batches, and a nacked batch would
 * send every record of it to the DLQ through the connector, good ones included; so the projection
 * sends each rejected record here itself, with the headers the connector's dead-letter-queue strategy
 * writes (AsyncAPI DeadLetter, {@link DeadLetterHeaders}): the same key, value and original headers,
 * the dead-letter-* headers first, and also the consumer group that rejected the record and when.
 */
@ApplicationScoped
public class DeadLetterQueue {
    @Inject
    IdempotentProducers producers;

    @Inject
    Config config;

    @Inject
    Clock clock;

    private final Map<String, String> groupByTopic = new HashMap<>();
    private KafkaProducer<String, byte[]> producer;

    @PostConstruct
    void open() {
        // The group of each consumed topic, as its channel is configured (mp.messaging.incoming.<channel>.*).
        String prefix = "mp.messaging.incoming.";
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix) && name.endsWith(".topic")) {
                String channel = name.substring(prefix.length(), name.length() - ".topic".length());
                config.getOptionalValue(prefix + channel + ".group.id", String.class)
                        .ifPresent(group -> groupByTopic.put(config.getValue(name, String.class), group));
            }
        }
        producer = producers.create("query-service-dlq", Map.of());
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** Sends {@code record} to {@code <topic>.dlq}; wait for the answer (see {@link #await}) before its offset is committed. */
    public Future<RecordMetadata> send(ConsumerRecord<String, byte[]> record, Throwable reason) {
        ProducerRecord<String, byte[]> dead =
                new ProducerRecord<>(Topics.dlq(record.topic()), null, record.key(), record.value());
        header(dead, DeadLetterHeaders.EXCEPTION_CLASS_NAME, reason.getClass().getName());
        header(dead, DeadLetterHeaders.REASON, message(reason));
        if (reason.getCause() != null) {
            header(
                    dead,
                    DeadLetterHeaders.CAUSE_CLASS_NAME,
                    reason.getCause().getClass().getName());
            header(dead, DeadLetterHeaders.CAUSE, message(reason.getCause()));
        }
        header(dead, DeadLetterHeaders.TOPIC, record.topic());
        header(dead, DeadLetterHeaders.PARTITION, Integer.toString(record.partition()));
        header(dead, DeadLetterHeaders.OFFSET, Long.toString(record.offset()));
        header(dead, DeadLetterHeaders.GROUP, group(record.topic()));
        header(
                dead,
                DeadLetterHeaders.TIME,
                clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        record.headers().forEach(h -> dead.headers().add(h));
        return producer.send(dead);
    }

    /**
     * Waits until the broker has every dead letter. A failure is thrown: the batch is then nacked and
     * the connector's own dead-letter-queue strategy keeps its records (at-least-once, never lost).
     */
    public void await(List<Future<RecordMetadata>> sent) {
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "dead-lettering failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    private String group(String topic) {
        String group = groupByTopic.get(topic);
        if (group == null) {
            throw new IllegalStateException("no channel consumes " + topic + ": whose dead letter is this?");
        }
        return group;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
