package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.kit.deadletters.DeadLetterWriter;
import ca.eeradar.kit.deadletters.FailedRecord;
import io.quarkus.arc.Arc;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * Kafka Streams' own deserialization and processing exception handlers for the evaluation topology
 * ({@code kafka-streams.deserialization.exception.handler} and {@code .processing.exception.handler}):
 * a source record that can never be processed ({@link UnreadableRecordException}, or bytes its
 * deserializer refuses) goes to {@code <topic>.dlq} through service-kit's {@link DeadLetterWriter}, with
 * the application id as the rejecting group, and the task continues with the next record. Any other
 * exception fails the thread ({@link StreamThreadFailures} replaces it), so an outage is retried from the
 * last commit and never dead-lettered; so does a dead letter the broker did not take.
 *
 * <p>The dead letter is written outside the task's transaction: if that transaction aborts, the record
 * is processed again and may be dead-lettered twice (a DLQ is at-least-once; a redrive of both is still
 * evaluated once, by the round's "evaluated" mark).
 */
public class EvaluationDeadLetters implements DeserializationExceptionHandler, ProcessingExceptionHandler {
    private static final Logger LOG = Logger.getLogger(EvaluationDeadLetters.class);

    private DeadLetterWriter writer;

    /** Kafka Streams instantiates the handlers itself; the writer is the application's CDI bean. */
    @Override
    public void configure(Map<String, ?> configs) {
        writer = Arc.container().instance(DeadLetterWriter.class).get();
    }

    @Override
    public DeserializationHandlerResponse handle(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        FailedRecord failed = new FailedRecord(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                record.value(),
                record.headers());
        return deadLettered(failed, exception)
                ? DeserializationHandlerResponse.CONTINUE
                : DeserializationHandlerResponse.FAIL;
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (!(exception instanceof UnreadableRecordException)) {
            return ProcessingHandlerResponse.FAIL;
        }
        byte[] key = context.sourceRawKey();
        FailedRecord failed = new FailedRecord(
                context.topic(),
                context.partition(),
                context.offset(),
                key == null ? null : new String(key, StandardCharsets.UTF_8),
                context.sourceRawValue(),
                context.headers() == null ? new RecordHeaders() : context.headers());
        return deadLettered(failed, exception) ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }

    /** Only the sources with a declared DLQ; the profile topic's records never reach a handler (see InternalTopics). */
    private boolean deadLettered(FailedRecord failed, Exception reason) {
        if (!InternalTopics.DEAD_LETTERED.contains(failed.topic())) {
            LOG.errorf(
                    "%s-%d@%d cannot be processed and %s has no DLQ: %s",
                    failed.topic(), failed.partition(), failed.offset(), failed.topic(), reason.getMessage());
            return false;
        }
        try {
            writer.await(List.of(writer.send(failed, InternalTopics.APPLICATION_ID, reason)));
            return true;
        } catch (RuntimeException e) {
            LOG.errorf(
                    "%s-%d@%d could not be dead-lettered (%s); the stream thread fails and retries it",
                    failed.topic(), failed.partition(), failed.offset(), e.getMessage());
            return false;
        }
    }
}
