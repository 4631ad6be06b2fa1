package ca.eeradar.query.projection;

import ca.eeradar.query.readmodel.ReadModelVersion;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.locks.Lock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The live projections: one channel per topic (settings in application.properties, as
 * KAFKA-PRACTICES.md says). A malformed record throws, the connector nacks it and the
 * dead-letter-queue strategy sends it to {@code <topic>.dlq} with the reason in
 * {@code dead-letter-reason}; the channel keeps going. Processing is ordered per channel
 * ({@code @Blocking} keeps order), so a round's revisions are applied in the order of their partition.
 */
@ApplicationScoped
public class ProjectionConsumers {
    private static final Logger LOG = Logger.getLogger(ProjectionConsumers.class);
    private static final int ATTEMPTS = 4;

    @Inject
    ReadModelWriter writer;

    @Inject
    ReadModelVersion version;

    @Incoming("draws")
    @Blocking
    public void draws(ConsumerRecord<String, byte[]> record) {
        project(record);
    }

    @Incoming("invitation-likely")
    @Blocking
    public void invitations(ConsumerRecord<String, byte[]> record) {
        project(record);
    }

    @Incoming("candidate-scores")
    @Blocking
    public void candidateScores(ConsumerRecord<String, byte[]> record) {
        project(record);
    }

    @Incoming("draw-evaluations")
    @Blocking
    public void drawEvaluations(ConsumerRecord<String, byte[]> record) {
        project(record);
    }

    private void project(ConsumerRecord<String, byte[]> record) {
        Envelope event;
        try {
            event = Envelope.of(record);
        } catch (MalformedEventException e) {
            LOG.warnf("%s-%d@%d to the DLQ: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            throw e;
        }
        // Shared side of the rebuild lock: a rebuild in progress holds this record until it is done.
        Lock shared = version.lock().readLock();
        shared.lock();
        try {
            applyWithRetries(event);
            version.changed(event.time());
        } catch (MalformedEventException e) {
            LOG.warnf("%s %s to the DLQ: %s", record.topic(), event.id(), e.getMessage());
            throw e;
        } finally {
            shared.unlock();
        }
    }

    /**
     * A database hiccup (failover, a full pool) must not send a good event to the DLQ: retry a few
     * times with backoff (about 3 s in all, far below the channel's unprocessed-record max age), then
     * give up and let the DLQ keep it. A malformed event is never retried.
     */
    private void applyWithRetries(Envelope event) {
        for (int attempt = 1; ; attempt++) {
            try {
                writer.apply(event);
                return;
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("%s %s: attempt %d failed (%s), retrying", event.topic(), event.id(), attempt, e.getMessage());
                try {
                    Thread.sleep(200L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
