package ca.eeradar.scoring.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

/**
 * A stream thread that dies (a broker timeout, a fenced producer after a long pause) is replaced
 * rather than shutting the whole client down: under exactly-once its open transaction is aborted and
 * the new thread starts again from the last commit, so a round is still evaluated once.
 */
@ApplicationScoped
public class StreamThreadFailures implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = Logger.getLogger(StreamThreadFailures.class);
    private final EvaluationMeters meters;

    StreamThreadFailures(EvaluationMeters meters) {
        this.meters = meters;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        LOG.errorf(exception, "evaluation stream thread failed; replacing it");
        meters.threadReplaced();
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
