package ca.eeradar.kit.deadletters;

import ca.eeradar.contracts.DeadLetterHeaders;
import ca.eeradar.contracts.Topics;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.kit.kafka.IdempotentProducers;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Re-publishes chosen dead letters to the topic they came from, after a fix: key, value and original
 * headers unchanged (so the same deterministic ce_id, which consumers deduplicate by), to the partition
 * they were read from (evaluation requests are addressed to a partition), with the idempotent producer.
 * Each DLQ record is claimed in the {@link RedriveLedger} first and published only by the redrive that
 * claimed it, so asking twice publishes once. A publish that fails gives its claim back and ends the
 * redrive with an error; what was redriven before stays recorded.
 */
@ApplicationScoped
public class Redrive {
    private static final Logger LOG = Logger.getLogger(Redrive.class);

    @Inject
    DeadLetterReader reader;

    @Inject
    RedriveLedger ledger;

    @Inject
    IdempotentProducers producers;

    @Inject
    Config config;

    @Inject
    Clock clock;

    private KafkaProducer<String, byte[]> producer;

    /** A redriven dead letter and where it landed on the original topic. */
    @Schema(name = "RedrivenDeadLetter")
    public record Redriven(int partition, long offset, int toPartition, long toOffset) {}

    /**
     * The outcome: what was published now, what was redriven before (skipped), requested offsets not in
     * the DLQ (never there, or past its retention), and {@code more}: records left over by the limit or
     * the read timeout (ask again: those redriven are skipped).
     */
    @Schema(name = "RedriveResult")
    public record Result(
            String topic,
            String deadLetterTopic,
            List<Redriven> redriven,
            List<RedriveRequest.Position> alreadyRedriven,
            List<RedriveRequest.Position> notFound,
            boolean more) {}

    public Result redrive(RedriveRequest request, DeadLetterSettings settings) {
        var errors = request.problems(settings.topics());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String dlq = Topics.dlq(request.topic());
        Set<String> wanted = new HashSet<>();
        Map<Integer, Long> from = null;
        if (request.offsets() != null && !request.offsets().isEmpty()) {
            from = new HashMap<>();
            for (RedriveRequest.Position p : request.offsets()) {
                wanted.add(p.partition() + "@" + p.offset());
                from.merge(p.partition(), p.offset(), Math::min);
            }
        }
        List<ConsumerRecord<String, byte[]>> selected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int limit = settings.redriveMaxRecords();
        boolean[] limited = {false};
        boolean complete = reader.read(dlq, from, settings.readTimeout(), r -> {
            String at = r.partition() + "@" + r.offset();
            seen.add(at);
            if ((wanted.isEmpty() || wanted.contains(at)) && matches(r, request.reason())) {
                if (selected.size() == limit) {
                    limited[0] = true;
                    return false;
                }
                selected.add(r);
            }
            // Offsets asked for: done once each was read.
            return wanted.isEmpty() || !seen.containsAll(wanted);
        });
        List<Redriven> done = new ArrayList<>();
        List<RedriveRequest.Position> skipped = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : selected) {
            if (!ledger.claim(dlq, r.partition(), r.offset(), clock.instant())) {
                skipped.add(new RedriveRequest.Position(r.partition(), r.offset()));
                continue;
            }
            RecordMetadata landed = publish(request.topic(), dlq, r);
            ledger.landed(dlq, r.partition(), r.offset(), landed.partition(), landed.offset());
            done.add(new Redriven(r.partition(), r.offset(), landed.partition(), landed.offset()));
        }
        List<RedriveRequest.Position> notFound = new ArrayList<>();
        if (request.offsets() != null) {
            for (RedriveRequest.Position p : request.offsets()) {
                if (!seen.contains(p.partition() + "@" + p.offset()) && complete) {
                    notFound.add(p);
                }
            }
        }
        LOG.infof(
                "redrive of %s: %d re-published, %d redriven before, %d not found",
                dlq, done.size(), skipped.size(), notFound.size());
        return new Result(request.topic(), dlq, done, skipped, notFound, limited[0] || !complete);
    }

    /** A reason matches the dead-letter reason text or the exception class (full or simple name). */
    private static boolean matches(ConsumerRecord<String, byte[]> r, String reason) {
        if (reason == null) {
            return true;
        }
        String text = DeadLetterRecords.header(r, DeadLetterHeaders.REASON);
        String type = DeadLetterRecords.header(r, DeadLetterHeaders.EXCEPTION_CLASS_NAME);
        return reason.equals(text) || reason.equals(type) || (type != null && type.endsWith("." + reason));
    }

    private RecordMetadata publish(String topic, String dlq, ConsumerRecord<String, byte[]> r) {
        String from = DeadLetterRecords.header(r, DeadLetterHeaders.PARTITION);
        Integer partition = from == null ? null : Integer.valueOf(from);
        ProducerRecord<String, byte[]> again =
                new ProducerRecord<>(topic, partition, r.key(), r.value(), DeadLetterRecords.original(r));
        try {
            return producer().send(again).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ledger.release(dlq, r.partition(), r.offset());
            throw new IllegalStateException("interrupted while redriving", e);
        } catch (ExecutionException e) {
            ledger.release(dlq, r.partition(), r.offset());
            throw new IllegalStateException(
                    "redriving " + dlq + "-" + r.partition() + "@" + r.offset() + " failed: "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            String app = config.getOptionalValue("quarkus.application.name", String.class)
                    .orElse("ee-radar");
            producer = producers.create(app + "-redrive", Map.of());
        }
        return producer;
    }
}
