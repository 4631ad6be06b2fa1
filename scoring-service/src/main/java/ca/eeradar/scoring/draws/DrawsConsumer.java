package ca.eeradar.scoring.draws;

import ca.eeradar.contracts.Draw;
import ca.eeradar.kit.deadletters.DeadLetterWriter;
import ca.eeradar.kit.deadletters.FailedRecord;
import ca.eeradar.kit.faults.OutageRetries;
import ca.eeradar.kit.faults.TransientFailure;
import ca.eeradar.scoring.ScoringConfig;
import ca.eeradar.scoring.evaluation.RoundFanOut;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumer of express-entry.draws (group scoring-service). Each record is kept in the local copy of
 * the draws and then fanned out once per (number, revision) to every profile partition, where the
 * evaluation topology judges it. Runs on a worker thread, in order.
 *
 * <p>Failure handling: a record that can never be applied (unreadable, schema-invalid or refusing a rule:
 * {@link PoisonDrawException}; or a valid one the database refuses for good, e.g. a constraint) goes to
 * express-entry.draws.dlq through service-kit's {@link DeadLetterWriter}, with every dead-letter-*
 * header, and the consumer goes on with the next. A database or broker outage is waited out
 * ({@link OutageRetries}: no limit in count, the connector keeps polling with the partition paused), so a
 * good round is never dead-lettered; the offset is only committed after the fan-out (or the dead letter)
 * was acknowledged, so a crash sends it again (the tasks skip a round they evaluated). Anything else (an
 * interruption at shutdown) fails the channel with the record uncommitted ({@code failure-strategy=fail}).
 */
@ApplicationScoped
public class DrawsConsumer {
    private static final Logger LOG = Logger.getLogger(DrawsConsumer.class);

    @Inject
    DrawStore draws;

    @Inject
    RoundFanOut evaluation;

    @Inject
    ScoringConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<RoundKept> kept;

    @Inject
    DeadLetterWriter deadLetters;

    private Guard outages;

    @PostConstruct
    void build() {
        ScoringConfig.Evaluation e = config.evaluation();
        outages = OutageRetries.untilDone("round intake", e.retryBackoff(), e.retryMaxBackoff(), Duration.ZERO, LOG);
    }

    @Incoming("draws")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws Exception {
        Draw draw;
        try {
            draw = DrawMessages.parse(record);
            Instant received = clock.instant();
            outages.call(
                    () -> {
                        draws.keep(draw, received);
                        evaluation.evaluateOnce(draw, received);
                        return null;
                    },
                    Void.class);
        } catch (RuntimeException e) {
            if (!poison(e)) {
                throw e;
            }
            // A broker outage while dead-lettering is waited out like one while applying.
            outages.call(
                    () -> {
                        deadLetters.await(List.of(deadLetters.send(FailedRecord.of(record), e)));
                        return null;
                    },
                    Void.class);
            return;
        }
        // Outside the try: the forecasts' reaction to a kept round is no reason to dead-letter the round.
        kept.fire(new RoundKept(draw));
    }

    /** Poison: never transient (those were retried until done) and not a shutdown interrupting the work. */
    private static boolean poison(RuntimeException e) {
        if (e instanceof PoisonDrawException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException) {
                return false;
            }
        }
        return !TransientFailure.isTransient(e) && !Thread.currentThread().isInterrupted();
    }
}
