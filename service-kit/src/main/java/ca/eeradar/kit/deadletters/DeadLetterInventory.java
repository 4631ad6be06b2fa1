package ca.eeradar.kit.deadletters;

import ca.eeradar.contracts.DeadLetterHeaders;
import ca.eeradar.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What lies in each DLQ of a service: how many, why (grouped), since when, and how many were redriven. */
@ApplicationScoped
public class DeadLetterInventory {
    @Inject
    DeadLetterReader reader;

    @Inject
    RedriveLedger ledger;

    /** One reason and how many dead letters give it. */
    public record DeadLetterReason(String reason, String exceptionClass, long count) {}

    /**
     * One DLQ. {@code complete} false: the read timed out and the figures cover only what was read.
     * {@code redriven}: how many of the {@code count} were re-published already.
     */
    public record DeadLetterSummary(
            String topic,
            String deadLetterTopic,
            long count,
            long redriven,
            Instant oldest,
            List<DeadLetterReason> reasons,
            boolean complete) {}

    public List<DeadLetterSummary> list(DeadLetterSettings settings) {
        List<DeadLetterSummary> all = new ArrayList<>();
        for (String topic : settings.topics()) {
            all.add(summary(topic, settings));
        }
        return all;
    }

    private DeadLetterSummary summary(String topic, DeadLetterSettings settings) {
        String dlq = Topics.dlq(topic);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> classes = new LinkedHashMap<>();
        Set<String> redriven = ledger.redriven(dlq);
        long[] total = {0, 0};
        Instant[] oldest = {null};
        boolean complete = reader.read(dlq, null, settings.readTimeout(), DeadLetterReader.RecordVisitor.all(r -> {
            total[0]++;
            if (redriven.contains(r.partition() + "@" + r.offset())) {
                total[1]++;
            }
            String reason = DeadLetterRecords.header(r, DeadLetterHeaders.REASON);
            String key = reason == null ? "(no reason)" : reason;
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            classes.putIfAbsent(key, DeadLetterRecords.header(r, DeadLetterHeaders.EXCEPTION_CLASS_NAME));
            Instant at = rejectedAt(r);
            if (oldest[0] == null || at.isBefore(oldest[0])) {
                oldest[0] = at;
            }
        }));
        List<DeadLetterReason> reasons = counts.entrySet().stream()
                .map(e -> new DeadLetterReason(e.getKey(), classes.get(e.getKey()), e.getValue()[0]))
                .sorted(Comparator.comparingLong(DeadLetterReason::count)
                        .reversed()
                        .thenComparing(DeadLetterReason::reason))
                .toList();
        return new DeadLetterSummary(topic, dlq, total[0], total[1], oldest[0], reasons, complete);
    }

    /** The dead-letter time header, or the record's own timestamp for a dead letter written without it. */
    private static Instant rejectedAt(ConsumerRecord<String, byte[]> r) {
        String time = DeadLetterRecords.header(r, DeadLetterHeaders.TIME);
        if (time != null) {
            try {
                return Instant.parse(time);
            } catch (DateTimeParseException ignored) {
                // fall back to the timestamp
            }
        }
        return Instant.ofEpochMilli(r.timestamp());
    }
}
