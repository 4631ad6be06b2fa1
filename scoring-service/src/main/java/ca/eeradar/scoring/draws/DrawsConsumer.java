package ca.eeradar.scoring.draws;

import ca.eeradar.contracts.Draw;
import ca.eeradar.scoring.ScoringConfig;
import ca.eeradar.scoring.evaluation.RoundFanOut;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumer of express-entry.draws (group scoring-service). Each record is kept in the local copy of
 * the draws and then fanned out once per (number, revision) to every profile partition, where the
 * evaluation topology judges it. Runs on a worker thread, in order.
 *
 * <p>Failure handling: a record that cannot be read is thrown out as {@link PoisonDrawException}
 * and the channel's failure strategy sends it to express-entry.draws.dlq with the reason in the
 * {@code dead-letter-reason} header. Any other failure (database or broker down) is retried here
 * with backoff, so processing pauses and resumes instead of dead-lettering a good draw; the offset
 * is only committed after the fan-out was acknowledged, so a crash sends it again (the tasks skip a
 * round they evaluated).
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

    @Incoming("draws")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Draw draw = DrawMessages.parse(record);
        Instant received = Instant.now();
        Duration backoff = config.evaluation().retryBackoff();
        while (true) {
            try {
                draws.keep(draw, received);
                evaluation.evaluateOnce(draw, received);
                return;
            } catch (PoisonDrawException e) {
                throw e;
            } catch (RuntimeException | java.sql.SQLException e) {
                LOG.warnf("draw %s r%d: %s; retrying in %d ms", draw.number(), draw.revision(), e.toString(), backoff.toMillis());
                Thread.sleep(backoff.toMillis());
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(config.evaluation().retryMaxBackoff()) > 0 ? config.evaluation().retryMaxBackoff() : doubled;
            }
        }
    }
}
