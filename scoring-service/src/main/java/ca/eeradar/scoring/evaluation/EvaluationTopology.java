package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.contracts.Topics;
import ca.eeradar.crs.CrsEngine;
import ca.eeradar.scoring.pool.PartitionPool;
import ca.eeradar.scoring.pool.PartitionPoolBuilder;
import ca.eeradar.scoring.pool.ProfileRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;

/**
 * The draw evaluation as a Kafka Streams topology (docs/topology.md prints and explains it):
 *
 * <ol>
 *   <li>the profile topic fills each task's {@link PartitionPool} (a read-only store: the topic is
 *       its changelog);</li>
 *   <li>an evaluation request, read from the same partition number of the co-partitioned requests
 *       topic, makes the task judge one slice of its pool ({@link PartitionEvaluation}) and emit the
 *       slice's InvitationLikely events and summary, and the request for the next slice back to the
 *       requests topic;</li>
 *   <li>the summaries, keyed by round, meet in one task that emits DrawEvaluated once the last
 *       partition reported ({@link RoundCompletion}).</li>
 * </ol>
 *
 * Within a task Kafka Streams hands records of its two input partitions over in timestamp order,
 * waiting for a partition that has data on the broker but none fetched yet ({@code max.task.idle.ms}
 * 0), so a profile published before a request was created is in the pool when the request is judged.
 */
public final class EvaluationTopology {
    public static final String POOL_STORE = "candidate-pool";
    public static final String EVALUATED_STORE = "evaluated-rounds";
    public static final String ROUNDS_STORE = "round-progress";

    static final String PROFILES_SOURCE = "candidate-profiles";
    static final String POOL_UPDATE = "pool-update";
    static final String REQUESTS_SOURCE = "evaluation-requests";
    static final String EVALUATE = "evaluate-partition";
    static final String INVITATIONS_SINK = "invitation-likely";
    static final String SUMMARIES_SINK = "partition-summaries";
    static final String NEXT_SLICE_SINK = "next-slice";
    static final String SUMMARIES_SOURCE = "partition-summaries-in";
    static final String COMPLETE = "complete-round";
    static final String DRAW_EVALUATIONS_SINK = "draw-evaluations";

    private EvaluationTopology() {}

    /**
     * {@code sliceSize}: most pool slots one evaluation request judges ({@link EvaluationRequest#slicesFor});
     * {@code roundEvaluated}: told each round's evaluation time when its DrawEvaluated is emitted.
     */
    public static Topology build(
            CrsEngine engine,
            ZoneId zone,
            ProfileRecords records,
            Clock clock,
            int sliceSize,
            Consumer<Duration> roundEvaluated) {
        Topology t = new Topology();
        t.addReadOnlyStateStore(
                new PartitionPoolBuilder(POOL_STORE, records),
                PROFILES_SOURCE,
                new StringDeserializer(),
                new ByteArrayDeserializer(),
                InternalTopics.CANDIDATE_PROFILES,
                POOL_UPDATE,
                () -> new PoolUpdate());

        t.addSource(
                REQUESTS_SOURCE,
                new StringDeserializer(),
                new ByteArrayDeserializer(),
                InternalTopics.EVALUATION_REQUESTS);
        t.addProcessor(EVALUATE, () -> new PartitionEvaluation(engine, zone, clock, sliceSize), REQUESTS_SOURCE);
        t.connectProcessorAndStateStores(EVALUATE, POOL_STORE);
        t.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore(EVALUATED_STORE), Serdes.String(), Serdes.Long())
                        .withCachingDisabled(),
                EVALUATE);
        t.addSink(
                INVITATIONS_SINK,
                Topics.INVITATION_LIKELY,
                new StringSerializer(),
                new ByteArraySerializer(),
                EVALUATE);
        t.addSink(
                SUMMARIES_SINK,
                InternalTopics.PARTITION_SUMMARIES,
                new StringSerializer(),
                new ByteArraySerializer(),
                EVALUATE);

        t.addSink(
                NEXT_SLICE_SINK,
                InternalTopics.EVALUATION_REQUESTS,
                new StringSerializer(),
                new ByteArraySerializer(),
                EvaluationTopology::samePartition,
                EVALUATE);

        t.addSource(
                SUMMARIES_SOURCE,
                new StringDeserializer(),
                new ByteArrayDeserializer(),
                InternalTopics.PARTITION_SUMMARIES);
        t.addProcessor(COMPLETE, () -> new RoundCompletion(roundEvaluated), SUMMARIES_SOURCE);
        t.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore(ROUNDS_STORE), Serdes.String(), Serdes.ByteArray())
                        .withCachingDisabled(),
                COMPLETE);
        t.addSink(
                DRAW_EVALUATIONS_SINK,
                Topics.DRAW_EVALUATIONS,
                new StringSerializer(),
                new ByteArraySerializer(),
                COMPLETE);
        return t;
    }

    /**
     * A next slice's request goes back to the partition it names, which is the task's own (modulo the partition
     * count, which is 1 in a single-partition test driver).
     */
    private static Optional<Set<Integer>> samePartition(String topic, String key, byte[] value, int partitions) {
        return Optional.of(Set.of(EventJson.read(value, EvaluationRequest.class).partition() % partitions));
    }

    /** Applies one profile record to the task's pool: decoded once here, read by every draw after. */
    private static final class PoolUpdate implements Processor<String, byte[], Void, Void> {
        private PartitionPool pool;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            pool = context.getStateStore(POOL_STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            pool.apply(record.key(), record.value(), record.headers());
        }
    }
}
