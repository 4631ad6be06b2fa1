package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.InvitationLikely;
import ca.eeradar.crs.CrsEngine;
import ca.eeradar.scoring.pool.PartitionPool;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Evaluates one round revision against one slice of the pool of this task's partition ({@link
 * EvaluationRequest}): every InvitationLikely of the slice, then its {@link PartitionSummary}, then the
 * request for the partition's next slice. Under
 * exactly-once the events, the summary, the next request, the "evaluated" mark and the request's offset commit together,
 * so a task that fails half-way leaves nothing of the open slices visible to read_committed consumers
 * and the next owner of the partition evaluates them again, from the first slice not committed; a
 * repeated request (the fan-out retried) is recognised by the mark.
 */
final class PartitionEvaluation implements Processor<String, byte[], String, byte[]> {
    private static final Logger LOG = Logger.getLogger(PartitionEvaluation.class);

    private final PoolJudge judge;
    private final ZoneId zone;
    private final Clock clock;
    /** Most pool slots one slice judges (evaluation.slice-size): bounds the work of one transaction. */
    private final int sliceSize;

    private ProcessorContext<String, byte[]> context;
    private PartitionPool pool;
    private KeyValueStore<String, Long> evaluated;

    PartitionEvaluation(CrsEngine engine, ZoneId zone, Clock clock, int sliceSize) {
        this.judge = new PoolJudge(engine);
        this.zone = zone;
        this.clock = clock;
        this.sliceSize = sliceSize;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.pool = context.getStateStore(EvaluationTopology.POOL_STORE);
        this.evaluated = context.getStateStore(EvaluationTopology.EVALUATED_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        EvaluationRequest received = InternalRecords.read(record, EvaluationRequest.class);
        if (received.draw() == null || received.draw().number() == null || received.partitions() < 1) {
            throw new UnreadableRecordException("an evaluation request without its round or partition count");
        }
        String round = received.roundKey();
        // Per partition, though a task only ever reads its own: the mark then also holds where one task reads several.
        // The request as received, count open or not, so a repeated fan-out finds the mark of its first slice.
        String mark = round + "#" + received.partition() + "#" + received.slice() + "/" + received.slices();
        if (evaluated.get(mark) != null) {
            LOG.debugf(
                    "round %s already evaluated on partition %d, slice %d",
                    round, received.partition(), received.slice());
            return;
        }
        EvaluationRequest request = received.countOpen()
                ? received.inSlices(EvaluationRequest.slicesFor(pool.slots().limit(), sliceSize))
                : received;
        Draw draw = request.draw();
        Instant startedAt = clock.instant();
        RoundRules rules = new RoundRules(draw, zone);
        long[] counts = judge.judge(
                pool.slots(),
                request.slice(),
                request.slices(),
                rules,
                (candidateId, v) -> emit(candidateId, v, draw, request, record.timestamp()));
        // The partition's unreadable records are counted once per round, with its first slice.
        long unreadable = counts[PoolJudge.UNASSESSABLE] + (request.slice() == 0 ? pool.unreadable() : 0);
        Instant finishedAt = clock.instant();
        PartitionSummary summary = new PartitionSummary(
                draw.number(),
                draw.revision(),
                request.partition(),
                request.partitions(),
                request.slice(),
                request.slices(),
                counts[PoolJudge.IN_POOL],
                counts[PoolJudge.ELIGIBLE],
                counts[PoolJudge.LIKELY],
                unreadable,
                request.receivedAt(),
                startedAt,
                finishedAt);
        context.forward(
                new Record<>(round, EventJson.write(summary), record.timestamp()), EvaluationTopology.SUMMARIES_SINK);
        evaluated.put(mark, finishedAt.toEpochMilli());
        EvaluationRequest next = request.next();
        if (next != null) {
            // Visible to this task only once this transaction commits: one slice per transaction (EvaluationRequest).
            context.forward(
                    new Record<>(round, EventJson.write(next), record.timestamp()), EvaluationTopology.NEXT_SLICE_SINK);
        }
        // Committed now, not at the next commit interval: the next slice waits for this commit.
        context.commit();
        LOG.infof(
                "round %s on partition %d slice %d/%d: %d in pool, %d eligible, %d likely, %d ms",
                round,
                request.partition(),
                request.slice(),
                request.slices(),
                counts[0],
                counts[1],
                counts[2],
                finishedAt.toEpochMilli() - startedAt.toEpochMilli());
    }

    /** The InvitationLikely of one likely candidate, to the invitations sink. */
    private void emit(String candidateId, Verdict v, Draw draw, EvaluationRequest request, long timestamp) {
        InvitationLikely event = new InvitationLikely(
                draw.number(),
                draw.revision(),
                draw.date(),
                candidateId,
                v.score(),
                draw.crsCutoff(),
                v.score() - draw.crsCutoff(),
                v.tieBreak(),
                v.basis(),
                v.rulesVersion(),
                request.requestedAt());
        CloudEvent ce = new CloudEvent(
                EventTypes.invitationLikelyId(draw.number(), draw.revision(), candidateId),
                EventTypes.INVITATION_LIKELY,
                EventTypes.SOURCE_SCORING,
                request.requestedAt(),
                candidateId);
        context.forward(
                new Record<>(candidateId, EventJson.write(event), timestamp, new RecordHeaders(ce.headers())),
                EvaluationTopology.INVITATIONS_SINK);
    }
}
