package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.EventJson;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/** Reads a record of an internal topic of the evaluation. */
final class InternalRecords {
    private static final Logger LOG = Logger.getLogger(InternalRecords.class);

    private InternalRecords() {}

    /**
     * Only scoring-service writes these topics, so an unreadable record is a bug: it is logged and
     * skipped (empty) rather than stopping the partition for every later round.
     */
    static <T> Optional<T> read(Record<String, byte[]> record, Class<T> type) {
        try {
            return Optional.of(EventJson.read(record.value(), type));
        } catch (RuntimeException e) {
            LOG.errorf("%s %s unreadable, skipped: %s", type.getSimpleName(), record.key(), e.getMessage());
            return Optional.empty();
        }
    }
}
