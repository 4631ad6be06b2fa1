package ca.eeradar.kit.deadletters;

import ca.eeradar.contracts.DeadLetterHeaders;
import ca.eeradar.contracts.Topics;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.kit.kafka.IdempotentProducers;
import ca.eeradar.kit.kafka.LazyProducer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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
    Clock clock;

    private LazyProducer producer;

    /** A redriven dead letter and where it landed on the original topic. */
    public record RedrivenDeadLetter(int partition, long offset, int toPartition, long toOffset) {}

    /**
     * The outcome: what was published now, what was redriven before (skipped), requested offsets not in
     * the DLQ (never there, or past its retention), and {@code more}: records left over by the limit or
     * the read timeout (ask again: those redriven are skipped).
     */
    public record RedriveResult(
            String topic,
            String deadLetterTopic,
            List<RedrivenDeadLetter> redriven,
            List<RedriveRequest.DeadLetterPosition> alreadyRedriven,
            List<RedriveRequest.DeadLetterPosition> notFound,
            boolean more) {}

    public RedriveResult redrive(RedriveRequest request, DeadLetterSettings settings) {
        var errors = request.problems(settings.topics());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String dlq = Topics.dlq(request.topic());
        Set<String> wanted = new HashSet<>();
        Map<Integer, Long> from = null;
        if (request.offsets() != null && !request.offsets().isEmpty()) {
            from = new HashMap<>();
            for (RedriveRequest.DeadLetterPosition p : request.offsets()) {
                wanted.add(p.partition() + "@" + p.offset());
                from.merge(p.partition(), p.offset(), Math::min);
            }
        }
        List<ConsumerRecord<String, byte[]>> selected = new ArrayList<>();
        List<RedriveRequest.DeadLetterPosition> skipped = new ArrayList<>();
        // Redriven before: reported, and not counted against the limit, so that "all" makes progress call by call.
        Set<String> before = ledger.redriven(dlq);
        Set<String> seen = new HashSet<>();
        int limit = settings.redriveMaxRecords();
        boolean[] limited = {false};
        boolean complete = reader.read(dlq, from, settings.readTimeout(), r -> {
            String at = r.partition() + "@" + r.offset();
            seen.add(at);
            if ((wanted.isEmpty() || wanted.contains(at)) && matches(r, request.reason())) {
                if (before.contains(at)) {
                    skipped.add(new RedriveRequest.DeadLetterPosition(r.partition(), r.offset()));
                } else if (selected.size() == limit) {
                    limited[0] = true;
                    return false;
                } else {
                    selected.add(r);
                }
            }
            // Offsets asked for: done once each was read.
            return wanted.isEmpty() || !seen.containsAll(wanted);
        });
        List<RedrivenDeadLetter> done = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : selected) {
            if (!ledger.claim(dlq, r.partition(), r.offset(), clock.instant())) {
                skipped.add(new RedriveRequest.DeadLetterPosition(r.partition(), r.offset()));
                continue;
            }
            RecordMetadata landed = publish(request.topic(), dlq, r);
            ledger.landed(dlq, r.partition(), r.offset(), landed.partition(), landed.offset());
            done.add(new RedrivenDeadLetter(r.partition(), r.offset(), landed.partition(), landed.offset()));
        }
        List<RedriveRequest.DeadLetterPosition> notFound = new ArrayList<>();
        if (request.offsets() != null) {
            for (RedriveRequest.DeadLetterPosition p : request.offsets()) {
                if (!seen.contains(p.partition() + "@" + p.offset()) && complete) {
                    notFound.add(p);
                }
            }
        }
        LOG.infof(
                "redrive of %s: %d re-published, %d redriven before, %d not found",
                dlq, done.size(), skipped.size(), notFound.size());
        return new RedriveResult(request.topic(), dlq, done, skipped, notFound, limited[0] || !complete);
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
            return producer.get().send(again).get();
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

    @PostConstruct
    void open() {
        producer = producers.lazy("redrive");
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
