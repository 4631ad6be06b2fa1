package ca.eeradar.scoring.evaluation;

/**
 * A record of an evaluation input that can never be processed (not JSON, not the expected shape, or
 * refusing a rule): {@link EvaluationDeadLetters} sends it to its DLQ and the task goes on. Any other
 * exception of a processor fails the stream thread instead, which is replaced and starts again from the
 * last commit (an outage is retried, never dead-lettered).
 */
public class UnreadableRecordException extends RuntimeException {
    public UnreadableRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnreadableRecordException(String message) {
        super(message);
    }
}
