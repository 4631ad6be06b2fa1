package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.EventJson;
import org.apache.kafka.streams.processor.api.Record;

/** Reads a record of an internal topic of the evaluation. */
final class InternalRecords {
    private InternalRecords() {}

    /**
     * Only scoring-service writes these topics, so an unreadable record is a bug or a hand-written record:
     * thrown as {@link UnreadableRecordException}, which Kafka Streams' processing exception handler
     * ({@link EvaluationDeadLetters}) dead-letters before the task goes on with the next round.
     */
    static <T> T read(Record<String, byte[]> record, Class<T> type) {
        if (record.value() == null) {
            throw new UnreadableRecordException("empty " + type.getSimpleName() + " record");
        }
        try {
            return EventJson.read(record.value(), type);
        } catch (RuntimeException e) {
            throw new UnreadableRecordException(e.getMessage(), e);
        }
    }
}
