package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.kit.kafka.IdempotentProducers;
import ca.eeradar.kit.outbox.OutboxBacklog;
import ca.eeradar.scoring.ScoringConfig;
import ca.eeradar.scoring.Today;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Sends the evaluation requests of a round revision (the first slice of every profile partition,
 * {@link EvaluationRequest}), once. Before that it
 * waits until the outbox has published every profile change committed before the round reached
 * this service, so those changes are part of the round (the topology reads both topics of a
 * partition in timestamp order). A change committed later may or may not be: it is judged by the
 * next round (README, "Draw evaluation").
 *
 * <p>A crash after sending and before {@link #recordFanOut} sends the requests again on the
 * redelivered draw record: each task recognises a round it already evaluated, so nothing is
 * evaluated or published twice.
 */
@ApplicationScoped
public class RoundFanOut {
    private static final Logger LOG = Logger.getLogger(RoundFanOut.class);

    @Inject
    ScoringConfig config;

    @Inject
    EntityManager em;

    @Inject
    IdempotentProducers producers;

    @Inject
    OutboxBacklog outbox;

    @Inject
    Today today;

    @Inject
    Clock clock;

    /** Longer than a fan-out's sends take: the flush after them, not the linger, is what sends them (see send). */
    private static final int FAN_OUT_LINGER_MS = 1_000;

    private volatile KafkaProducer<String, byte[]> producer;

    /** Why a round revision is not evaluated, or null if it must be. */
    @Transactional
    public String skipReason(Draw draw, LocalDate today) {
        Number done = (Number)
                em.createNativeQuery("select count(*) from draw_fan_out where draw_number = ?1 and draw_revision = ?2")
                        .setParameter(1, draw.number())
                        .setParameter(2, draw.revision())
                        .getSingleResult();
        if (done.longValue() > 0) {
            return "already evaluated";
        }
        Number newer = (Number)
                em.createNativeQuery("select count(*) from draw_revision where draw_number = ?1 and revision > ?2")
                        .setParameter(1, draw.number())
                        .setParameter(2, draw.revision())
                        .getSingleResult();
        if (newer.longValue() > 0) {
            return "superseded by a later revision";
        }
        if (draw.date()
                .isBefore(today.minusDays(config.evaluation().maxDrawAge().toDays()))) {
            return "held more than " + config.evaluation().maxDrawAge().toDays()
                    + " days ago (kept for the backtest only)";
        }
        return null;
    }

    /** Fans the round revision out unless it was before (or is too old or superseded). */
    public void evaluateOnce(Draw draw, Instant receivedAt) throws SQLException, InterruptedException {
        LocalDate today = this.today.date();
        String skip = skipReason(draw, today);
        if (skip != null) {
            LOG.infof("draw %s r%d not evaluated: %s", draw.number(), draw.revision(), skip);
            return;
        }
        awaitProfilesPublished(outbox.newestRow(InternalTopics.CANDIDATE_PROFILES));
        Instant requestedAt = clock.instant();
        int partitions = send(draw, receivedAt, requestedAt);
        recordFanOut(draw, partitions, receivedAt, requestedAt);
        LOG.infof(
                "draw %s r%d sent to %d profile partitions, each cut into slices of at most %d slots by its task",
                draw.number(), draw.revision(), partitions, config.evaluation().sliceSize());
    }

    private void awaitProfilesPublished(long upTo) throws SQLException, InterruptedException {
        Duration limit = config.profileTopic().publishWait();
        long deadline = System.nanoTime() + limit.toNanos();
        while (!outbox.published(InternalTopics.CANDIDATE_PROFILES, upTo)) {
            if (System.nanoTime() > deadline) {
                // Kafka's retriable timeout: the relay cannot publish (broker away), so the intake retries later.
                throw new org.apache.kafka.common.errors.TimeoutException(
                        "profile changes up to outbox row " + upTo + " not published within " + limit);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private int send(Draw draw, Instant receivedAt, Instant requestedAt) throws InterruptedException {
        KafkaProducer<String, byte[]> out = producer();
        int partitions = out.partitionsFor(InternalTopics.CANDIDATE_PROFILES).size();
        String key = EvaluationRequest.roundKey(draw.number(), draw.revision());
        List<EvaluationRequest> requests = EvaluationRequest.fanOut(draw, partitions, receivedAt, requestedAt);
        List<Future<RecordMetadata>> sent = new ArrayList<>(requests.size());
        for (EvaluationRequest request : requests) {
            sent.add(out.send(new ProducerRecord<>(
                    InternalTopics.EVALUATION_REQUESTS, request.partition(), key, EventJson.write(request))));
        }
        // In one produce request, so every task of every instance starts the round in the same loop: sent one by one
        // without linger they reached the broker in several requests, and instances fetched some partitions' requests
        // later than others (K = 2 on 2026-12-06). Held by the linger below, flushed here, they go together.
        out.flush();
        long waitMs = config.evaluation().producer().deliveryTimeoutMs() + 5_000L;
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get(waitMs, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "evaluation request not acknowledged: " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new org.apache.kafka.common.errors.TimeoutException(
                        "evaluation request not acknowledged in time", e);
            }
        }
        return partitions;
    }

    @Transactional
    void recordFanOut(Draw draw, int partitions, Instant receivedAt, Instant requestedAt) {
        em.createNativeQuery(
                        "insert into draw_fan_out (draw_number, draw_revision, partitions, received_at, requested_at)"
                                + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, draw.number())
                .setParameter(2, draw.revision())
                .setParameter(3, partitions)
                .setParameter(4, Timestamp.from(receivedAt))
                .setParameter(5, Timestamp.from(requestedAt))
                .executeUpdate();
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    ScoringConfig.Producer p = config.evaluation().producer();
                    producer = producers.create(
                            "scoring-service-fan-out",
                            Map.of(
                                    ProducerConfig.LINGER_MS_CONFIG,
                                    FAN_OUT_LINGER_MS,
                                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                                    p.deliveryTimeoutMs()));
                }
            }
        }
        return producer;
    }

    void stop(@Observes ShutdownEvent ignored) {
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(10));
        }
    }
}
