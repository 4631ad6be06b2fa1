package ca.eeradar.scoring.bench;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Announces one round on express-entry.draws as ingest-service does (same key, CloudEvent headers
 * and JSON body) and times it as a subscriber sees it: from the announcement to the moment the
 * round's last InvitationLikely became visible to a read_committed consumer.
 *
 * <p>A read_committed consumer samples the end offsets (the last stable offset) every few milliseconds while
 * another waits for the round's DrawEvaluated; then the round's events are read, and the end is the first sample
 * past the last event's offset on every partition. Reading 50,000 events is then not part of the measured time,
 * only the sampling period is, and the reading takes no CPU from the round.
 */
final class RoundClock implements AutoCloseable {
    private static final long SAMPLE_MS = 10;

    /** What a subscriber saw of one round. */
    record Result(
            DrawEvaluated evaluated,
            long invitations,
            double firstVisibleSeconds,
            double lastVisibleSeconds,
            double valueBytes,
            double longestStallSeconds,
            double cpuBusyShare,
            String cpuByProcess) {}

    private record Sample(long nanos, Map<TopicPartition, Long> ends) {}

    private final String bootstrap;
    /**
     * The announcer, as ingest-service's outbox relay is: long-lived, connected before the first round. A producer
     * made per round put its connection and producer-id handshake (0.3-1 s here) inside the measured time.
     */
    private final KafkaProducer<String, byte[]> announcer;

    RoundClock(String bootstrap) {
        this.bootstrap = bootstrap;
        this.announcer = Bench.producer(bootstrap, Map.of());
        announcer.partitionsFor(Topics.DRAWS); // metadata now, not in the first round's time
    }

    @Override
    public void close() {
        announcer.close();
    }

    Result announceAndMeasure(Draw draw, int timeoutSeconds) throws Exception {
        String evaluatedId = EventTypes.drawEvaluatedId(draw.number(), draw.revision());
        String invitationPrefix = "invitation-likely-" + draw.number() + "-r" + draw.revision() + "-";
        try (KafkaConsumer<String, byte[]> reader = Bench.committedReader(bootstrap);
                KafkaConsumer<String, byte[]> sampler = Bench.committedReader(bootstrap)) {
            List<TopicPartition> invitationParts = Bench.partitions(reader, Topics.INVITATION_LIKELY);
            List<TopicPartition> evaluationParts = Bench.partitions(reader, Topics.DRAW_EVALUATIONS);
            reader.assign(evaluationParts);
            reader.seekToEnd(evaluationParts);
            evaluationParts.forEach(reader::position);
            Map<TopicPartition, Long> before = sampler.endOffsets(invitationParts);

            List<Sample> samples = new ArrayList<>();
            Thread sampling = new Thread(
                    () -> {
                        try {
                            while (!Thread.currentThread().isInterrupted()) {
                                Map<TopicPartition, Long> ends = sampler.endOffsets(invitationParts);
                                synchronized (samples) {
                                    samples.add(new Sample(System.nanoTime(), ends));
                                }
                                Thread.sleep(SAMPLE_MS);
                            }
                        } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException stopped) {
                            // the round is over: interrupting the sampler is how it stops
                        }
                    },
                    "end-offset-sampler");

            MachineCpu cpuBefore = MachineCpu.now();
            long announced = System.nanoTime();
            announce(draw);
            sampling.start();
            // During the round only DrawEvaluated is read: its transaction follows every slice's (its summaries are
            // read read_committed), so once it is visible every event of the round is. The events are read after it:
            // read during the round, their 50,000 records took CPU from the service on a machine it already keeps busy.
            DrawEvaluated evaluated = null;
            long deadline = announced + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (evaluated == null) {
                if (System.nanoTime() > deadline) {
                    sampling.interrupt();
                    throw new IllegalStateException(
                            "round " + draw.number() + ": no DrawEvaluated after " + timeoutSeconds + " s");
                }
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(50))) {
                    if (evaluatedId.equals(CloudEvent.text(r.headers(), CloudEvent.ID))) {
                        evaluated = EventJson.read(r.value(), DrawEvaluated.class);
                    }
                }
            }
            MachineCpu cpuAfter = MachineCpu.now();
            long seen = 0;
            long valueBytes = 0;
            Map<TopicPartition, Long> lastOffset = new HashMap<>();
            Map<TopicPartition, Long> ends = reader.endOffsets(invitationParts);
            reader.assign(invitationParts);
            before.forEach(reader::seek);
            while (invitationParts.stream().anyMatch(tp -> reader.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(50))) {
                    String id = CloudEvent.text(r.headers(), CloudEvent.ID);
                    if (id != null && id.startsWith(invitationPrefix)) {
                        seen++;
                        valueBytes += r.value().length;
                        lastOffset.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::max);
                    }
                }
            }
            // The sampler may not have caught up with what the reader already read: one more sample past it.
            Thread.sleep(2 * SAMPLE_MS);
            sampling.interrupt();
            sampling.join();
            return new Result(
                    evaluated,
                    seen,
                    firstVisible(samples, before, announced),
                    lastVisible(samples, lastOffset, announced),
                    seen == 0 ? 0 : (double) valueBytes / seen,
                    longestStall(samples, lastOffset),
                    MachineCpu.busyShare(cpuBefore, cpuAfter),
                    MachineCpu.byProcess(cpuBefore, cpuAfter));
        }
    }

    /**
     * The longest time between two moves of the visible end (last stable offset) of the round's partitions, from its
     * first visible event to its last: a read_committed reader sees nothing new for that long, an upper bound on how
     * long one of the service's transactions stayed open then.
     */
    private static double longestStall(List<Sample> samples, Map<TopicPartition, Long> lastOffset) {
        synchronized (samples) {
            long longest = 0;
            Sample previousMove = null;
            Map<TopicPartition, Long> previousEnds = null;
            for (Sample s : samples) {
                boolean moved = previousEnds != null && !s.ends().equals(previousEnds);
                if (moved) {
                    if (previousMove != null) {
                        longest = Math.max(longest, s.nanos() - previousMove.nanos());
                    }
                    previousMove = s;
                }
                previousEnds = s.ends();
                if (lastOffset.entrySet().stream()
                        .allMatch(e -> s.ends().getOrDefault(e.getKey(), 0L) > e.getValue())) {
                    break;
                }
            }
            return longest / 1e9;
        }
    }

    /**
     * Announces one round on each partition of express-entry.draws, numbered {@code number} + a, b, ..., drawn on
     * {@code longAgo}, which must be past the evaluation's max-draw-age: each is kept and not evaluated. An instance's
     * first record on a draws partition took it about a second once in its life (the connector's record store for
     * that partition, cold intake code); a service that has been running paid that long ago, so the benchmark pays it
     * before the rounds it times. Answers the rounds' numbers.
     */
    List<String> primeIntake(String number, java.time.LocalDate longAgo, Instant drawnAt) throws Exception {
        List<String> numbers = new ArrayList<>();
        int partitions = announcer.partitionsFor(Topics.DRAWS).size();
        for (int p = 0; p < partitions; p++) {
            String primer = number + (char) ('a' + p);
            announce(generalRound(primer, longAgo, drawnAt, 1200), p);
            numbers.add(primer);
        }
        return numbers;
    }

    private void announce(Draw draw) throws Exception {
        announce(draw, null);
    }

    /** {@code partition}: null for the key's partition, as ingest-service's relay sends it. */
    private void announce(Draw draw, Integer partition) throws Exception {
        CloudEvent ce = new CloudEvent(
                EventTypes.drawEventId(draw.number(), draw.revision()),
                EventTypes.DRAW_ANNOUNCED,
                EventTypes.SOURCE_INGEST,
                draw.source().receivedAt(),
                draw.number());
        announcer
                .send(new ProducerRecord<>(Topics.DRAWS, partition, draw.number(), EventJson.write(draw), ce.headers()))
                .get();
    }

    /** Seconds from the announcement to the first sample in which any partition had moved on. */
    private static double firstVisible(List<Sample> samples, Map<TopicPartition, Long> before, long announced) {
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.ends().entrySet().stream().anyMatch(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L))) {
                    return (s.nanos() - announced) / 1e9;
                }
            }
        }
        return Double.NaN;
    }

    /** Seconds from the announcement to the first sample past the round's last event on every partition. */
    private static double lastVisible(List<Sample> samples, Map<TopicPartition, Long> lastOffset, long announced) {
        synchronized (samples) {
            for (Sample s : samples) {
                if (lastOffset.entrySet().stream()
                        .allMatch(e -> s.ends().getOrDefault(e.getKey(), 0L) > e.getValue())) {
                    return (s.nanos() - announced) / 1e9;
                }
            }
        }
        return Double.NaN;
    }

    static Draw generalRound(String number, java.time.LocalDate date, Instant drawnAt, int cutoff) {
        return new Draw(
                number,
                date,
                drawnAt,
                "benchmark general round",
                Draw.RoundType.GENERAL,
                null,
                null,
                null,
                List.of(),
                5000,
                cutoff,
                null,
                null,
                1,
                new Draw.Source(Draw.SourceKind.MANUAL, "bench", Instant.now()));
    }
}
