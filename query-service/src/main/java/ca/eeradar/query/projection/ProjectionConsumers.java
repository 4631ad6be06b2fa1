package ca.eeradar.query.projection;

import ca.eeradar.contracts.Topics;
import ca.eeradar.kit.deadletters.DeadLetterWriter;
import ca.eeradar.kit.deadletters.FailedRecord;
import ca.eeradar.query.readmodel.ReadModelVersion;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The live projections: one channel per topic in batch mode (every setting explicit in
 * application.properties), one transaction per poll, because a commit and a read_model_state update
 * per record cost four times the throughput (docs/benchmarks.md).
 *
 * <p>Per-record failure semantics as with one record per call: every record is parsed and checked
 * first; a malformed one is set aside and goes to {@code <topic>.dlq} through service-kit's
 * {@link DeadLetterWriter} with every dead-letter-* header, the others are applied together ({@link BatchApply}:
 * one transaction, or one by one if that fails) and only one that fails alone, for a reason no retry
 * fixes, is dead-lettered. An unavailable database or broker is waited out ({@link OutageRetry}), for
 * the batch and for its dead letters alike: no good record reaches a DLQ because of an outage.
 * Dead letters are sent after the batch was committed and awaited before it is acknowledged, so a
 * dead letter on the DLQ means everything before it in its partition is applied (tests use that as
 * a barrier). If a dead letter cannot be sent for another reason, the method throws: the channel's
 * fail strategy stops it with the batch uncommitted (at-least-once, never lost, never dead-lettered).
 *
 * <p>Order: a batch holds the records of one poll in partition order, and {@code @Blocking} (ordered)
 * hands over one batch at a time, so a round's revisions are applied in the order of their partition.
 */
@ApplicationScoped
public class ProjectionConsumers {
    private static final Logger LOG = Logger.getLogger(ProjectionConsumers.class);

    /** The topics projected here, one channel each: also what a rebuild replays and the redrive lists. */
    public static final List<String> TOPICS = List.of(
            Topics.DRAWS,
            Topics.INVITATION_LIKELY,
            Topics.CANDIDATE_SCORES,
            Topics.DRAW_EVALUATIONS,
            Topics.INVITATION_FORECASTS);

    @Inject
    ReadModelVersion version;

    @Inject
    BatchApply batches;

    @Inject
    DeadLetterWriter deadLetters;

    @Inject
    OutageRetry retry;

    @Incoming("draws")
    @Blocking
    public void draws(ConsumerRecords<String, byte[]> records) {
        project(records);
    }

    @Incoming("invitation-likely")
    @Blocking
    public void invitations(ConsumerRecords<String, byte[]> records) {
        project(records);
    }

    @Incoming("candidate-scores")
    @Blocking
    public void candidateScores(ConsumerRecords<String, byte[]> records) {
        project(records);
    }

    @Incoming("draw-evaluations")
    @Blocking
    public void drawEvaluations(ConsumerRecords<String, byte[]> records) {
        project(records);
    }

    @Incoming("invitation-forecasts")
    @Blocking
    public void invitationForecasts(ConsumerRecords<String, byte[]> records) {
        project(records);
    }

    private record Rejected(ConsumerRecord<String, byte[]> record, RuntimeException reason) {}

    void project(Iterable<ConsumerRecord<String, byte[]>> records) {
        List<ConsumerRecord<String, byte[]>> accepted = new ArrayList<>();
        List<CheckedEvent> events = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(CheckedEvent.of(Envelope.of(record)));
                accepted.add(record);
            } catch (MalformedEventException e) {
                rejected.add(new Rejected(record, e));
            }
        }
        if (!events.isEmpty()) {
            // Shared side of the rebuild lock: a rebuild in progress holds this batch until it is done.
            Lock shared = version.lock().readLock();
            shared.lock();
            try {
                for (BatchApply.Failure f : batches.apply(events, version::changed, BatchApply.Patience.LIVE)) {
                    rejected.add(new Rejected(accepted.get(f.index()), f.reason()));
                }
            } finally {
                shared.unlock();
            }
        }
        if (!rejected.isEmpty()) {
            // A broker outage while dead-lettering is waited out too; an attempt after a partial success
            // sends those dead letters again (a DLQ is at-least-once, like the topics).
            retry.untilDone(
                    () -> {
                        List<Future<RecordMetadata>> sent = new ArrayList<>(rejected.size());
                        rejected.forEach(r -> sent.add(deadLetters.send(FailedRecord.of(r.record()), r.reason())));
                        deadLetters.await(sent);
                        return null;
                    },
                    Void.class);
        }
    }
}
