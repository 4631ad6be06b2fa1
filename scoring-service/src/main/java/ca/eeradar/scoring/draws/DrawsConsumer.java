package ca.eeradar.scoring.draws;

import ca.eeradar.contracts.Draw;
import ca.eeradar.kit.faults.OutageRetries;
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
 * {@code dead-letter-reason} header. A database or broker outage is waited out ({@link OutageRetries}:
 * no limit in count, the connector keeps polling with the partition paused), so a good round is never
 * dead-lettered; the offset is only committed after the fan-out was acknowledged, so a crash sends it
 * again (the tasks skip a round they evaluated).
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

    private Guard outages;

    @PostConstruct
    void build() {
        ScoringConfig.Evaluation e = config.evaluation();
        outages = OutageRetries.untilDone("round intake", e.retryBackoff(), e.retryMaxBackoff(), Duration.ZERO, LOG);
    }

    @Incoming("draws")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws Exception {
        Draw draw = DrawMessages.parse(record);
        Instant received = clock.instant();
        outages.call(
                () -> {
                    draws.keep(draw, received);
                    evaluation.evaluateOnce(draw, received);
                    return null;
                },
                Void.class);
        kept.fire(new RoundKept(draw));
    }
}
