package ca.eeradar.kit.deadletters;

import ca.eeradar.contracts.DeadLetterHeaders;
import ca.eeradar.contracts.Topics;
import ca.eeradar.kit.kafka.IdempotentProducers;
import ca.eeradar.kit.kafka.LazyProducer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The one way a service dead-letters a record it can never apply, whatever consumed it (a channel, a
 * Kafka Streams handler): to {@code <topic>.dlq}, with the same key, value and original headers, and
 * every {@link DeadLetterHeaders} header (reason, cause, where it was, the consumer group that rejected
 * it, when), so an operator reads and redrives every DLQ the same way. Counted on acknowledgement as
 * {@code eeradar.dead.letters} (Prometheus {@code eeradar_dead_letters_total}), tagged by the consumed
 * topic and the class of the reason.
 *
 * <p>Only poison belongs here: callers decide that (service-kit {@code faults.TransientFailure}), and
 * wait for the acknowledgement ({@link #await}) before the record's offset is committed, so a dead
 * letter is never lost between the topic and its DLQ.
 */
@ApplicationScoped
public class DeadLetterWriter {
    private static final Logger LOG = Logger.getLogger(DeadLetterWriter.class);
    public static final String METRIC = "eeradar.dead.letters";

    @Inject
    IdempotentProducers producers;

    @Inject
    Config config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    private volatile Map<String, String> groupByTopic;
    private LazyProducer producer;

    /** Dead-letters a record of a channel: the group is the channel's {@code group.id}. */
    public Future<RecordMetadata> send(FailedRecord record, Throwable reason) {
        return send(record, groupOfChannel(record.topic()), reason);
    }

    /** Dead-letters a record for {@code group}, the consumer group (or Streams application id) that rejected it. */
    public Future<RecordMetadata> send(FailedRecord record, String group, Throwable reason) {
        ProducerRecord<String, byte[]> dead =
                new ProducerRecord<>(Topics.dlq(record.topic()), null, record.key(), record.value());
        header(dead, DeadLetterHeaders.REASON, message(reason));
        header(dead, DeadLetterHeaders.EXCEPTION_CLASS_NAME, reason.getClass().getName());
        if (reason.getCause() != null && reason.getCause() != reason) {
            header(dead, DeadLetterHeaders.CAUSE, message(reason.getCause()));
            header(
                    dead,
                    DeadLetterHeaders.CAUSE_CLASS_NAME,
                    reason.getCause().getClass().getName());
        }
        header(dead, DeadLetterHeaders.TOPIC, record.topic());
        header(dead, DeadLetterHeaders.PARTITION, Integer.toString(record.partition()));
        header(dead, DeadLetterHeaders.OFFSET, Long.toString(record.offset()));
        header(dead, DeadLetterHeaders.GROUP, group);
        header(
                dead,
                DeadLetterHeaders.TIME,
                clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        // The original headers (ce_*, traceparent) follow unchanged: a redrive gives them back as they were.
        if (record.headers() != null) {
            record.headers().forEach(h -> {
                if (!DeadLetterHeaders.isDeadLetterHeader(h.key())) {
                    dead.headers().add(h);
                }
            });
        }
        Counter counter = Counter.builder(METRIC)
                .description("Records sent to a dead-letter topic, by consumed topic and class of the reason")
                .tag("topic", record.topic())
                .tag("reason", reason.getClass().getSimpleName())
                .register(registry);
        CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
        producer.get().send(dead, (metadata, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                counter.increment();
                done.complete(metadata);
            }
        });
        LOG.warnf(
                "%s-%d@%d dead-lettered for %s: %s",
                record.topic(), record.partition(), record.offset(), group, message(reason));
        return done;
    }

    /** Waits until the broker has every dead letter; a failure is thrown with its cause, so the caller does not commit. */
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

    @PostConstruct
    void open() {
        producer = producers.lazy("dead-letters");
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    /** The group of the channel consuming {@code topic}, as configured (mp.messaging.incoming.<channel>.*). */
    private String groupOfChannel(String topic) {
        Map<String, String> groups = groupByTopic;
        if (groups == null) {
            groups = new HashMap<>();
            String prefix = "mp.messaging.incoming.";
            for (String name : config.getPropertyNames()) {
                if (name.startsWith(prefix) && name.endsWith(".topic")) {
                    String channel = name.substring(prefix.length(), name.length() - ".topic".length());
                    Map<String, String> found = groups;
                    config.getOptionalValue(prefix + channel + ".group.id", String.class)
                            .ifPresent(group -> found.put(config.getValue(name, String.class), group));
                }
            }
            groupByTopic = groups;
        }
        String group = groups.get(topic);
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
