package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.InvitationLikely;
import ca.eeradar.contracts.Topics;
import ca.eeradar.scoring.ScoringConfig;
import ca.eeradar.scoring.crs.Assessment;
import ca.eeradar.scoring.crs.CrsEngine;
import ca.eeradar.scoring.crs.Profile;
import ca.eeradar.scoring.outbox.EventProducers;
import ca.eeradar.scoring.outbox.Outbox;
import ca.eeradar.scoring.outbox.OutboxEvent;
import ca.eeradar.scoring.profiles.ProfileStream;
import ca.eeradar.scoring.profiles.Scorer;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Evaluates every stored profile against one revision of a round, once.
 *
 * <p>Delivery: InvitationLikely events go out through a dedicated plain producer (acks=all,
 * idempotent, batched and compressed) and the evaluation waits for every acknowledgement; only then
 * are the evaluation row and the DrawEvaluated outbox row committed together. A crash or an outage
 * before that commit re-runs the evaluation: the InvitationLikely ids are deterministic (round +
 * revision + candidate), so consumers deduplicate the repeated events.
 */
@ApplicationScoped
public class DrawEvaluation {
    private static final Logger LOG = Logger.getLogger(DrawEvaluation.class);

    @Inject
    ScoringConfig config;

    @Inject
    ProfileStream profiles;

    @Inject
    Scorer scorer;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    EventProducers producers;

    Clock clock = Clock.systemUTC();

    private volatile KafkaProducer<String, byte[]> producer;

    /** Counts of one evaluation. */
    public record Outcome(long evaluated, long eligible, long likely, long unreadable, long durationMs) {
    }

    /** Why a round revision is not evaluated, or null if it must be. */
    @Transactional
    public String skipReason(Draw draw, LocalDate today) {
        Number done = (Number) em.createNativeQuery("select count(*) from draw_evaluation where draw_number = ?1 and draw_revision = ?2")
                .setParameter(1, draw.number()).setParameter(2, draw.revision()).getSingleResult();
        if (done.longValue() > 0) {
            return "already evaluated";
        }
        Number newer = (Number) em.createNativeQuery("select count(*) from draw_revision where draw_number = ?1 and revision > ?2")
                .setParameter(1, draw.number()).setParameter(2, draw.revision()).getSingleResult();
        if (newer.longValue() > 0) {
            return "superseded by a later revision";
        }
        if (draw.date().isBefore(today.minusDays(config.evaluation().maxDrawAge().toDays()))) {
            return "held more than " + config.evaluation().maxDrawAge().toDays() + " days ago (kept for the backtest only)";
        }
        return null;
    }

    /** Evaluates the round revision unless it was evaluated before (or is too old or superseded). */
    public void evaluateOnce(Draw draw, Instant receivedAt) {
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        String skip = skipReason(draw, today);
        if (skip != null) {
            LOG.infof("draw %s r%d not evaluated: %s", draw.number(), draw.revision(), skip);
            return;
        }
        Outcome outcome;
        try {
            outcome = run(draw, receivedAt);
        } catch (SQLException e) {
            throw new IllegalStateException("profile scan failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        complete(draw, outcome);
        LOG.infof("draw %s r%d evaluated: %d in pool, %d eligible, %d likely, %d unreadable, %d ms",
                draw.number(), draw.revision(), outcome.evaluated(), outcome.eligible(), outcome.likely(),
                outcome.unreadable(), outcome.durationMs());
    }

    /** Streams, assesses and publishes; returns after the broker acknowledged every InvitationLikely. */
    Outcome run(Draw draw, Instant startedAt) throws SQLException, InterruptedException {
        RoundRules rules = new RoundRules(draw, config.zone());
        CrsEngine engine = scorer.engine();
        LocalDate asOf = draw.date();
        Instant evaluatedAt = clock.instant();
        KafkaProducer<String, byte[]> out = producer();
        LongAdder evaluated = new LongAdder();
        LongAdder eligible = new LongAdder();
        LongAdder likely = new LongAdder();
        LongAdder unreadable = new LongAdder();
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        // SQL narrows to the pool window (a day of slack each side); RoundRules decides exactly.
        Instant ranAt = rules.ranAt();
        Instant from = ranAt.atOffset(ZoneOffset.UTC).minusMonths(12).minusDays(1).toInstant();
        profiles.stream(from, ranAt, batch -> {
            for (ProfileStream.Row row : batch) {
                if (rules.outsidePool(row.submittedAt()) != null) {
                    continue;
                }
                Verdict v;
                try {
                    Profile profile = row.profile();
                    Assessment a = engine.assess(profile, asOf);
                    v = rules.judge(row.submittedAt(), a);
                } catch (RuntimeException e) {
                    // One unreadable row must not stop a round for everyone else; it is counted and logged by id only.
                    unreadable.increment();
                    LOG.warnf("candidate %s skipped in draw %s: %s", row.candidateId(), draw.number(), e.getClass().getSimpleName());
                    continue;
                }
                evaluated.increment();
                if (v.eligible()) {
                    eligible.increment();
                }
                if (v.likely()) {
                    likely.increment();
                    InvitationLikely event = new InvitationLikely(draw.number(), draw.revision(), draw.date(), row.candidateId(),
                            v.score(), draw.crsCutoff(), v.score() - draw.crsCutoff(), v.tieBreak(), v.basis(), v.rulesVersion(),
                            evaluatedAt);
                    CloudEvent ce = new CloudEvent(EventTypes.invitationLikelyId(draw.number(), draw.revision(), row.candidateId()),
                            EventTypes.INVITATION_LIKELY, EventTypes.SOURCE_SCORING, evaluatedAt, row.candidateId());
                    out.send(new ProducerRecord<>(Topics.INVITATION_LIKELY, null, row.candidateId(), EventJson.write(event), ce.headers()),
                            (meta, e) -> {
                                if (e != null) {
                                    sendFailure.compareAndSet(null, e);
                                }
                            });
                }
            }
        });
        out.flush();
        if (sendFailure.get() != null) {
            throw new IllegalStateException("InvitationLikely not acknowledged: " + sendFailure.get().getMessage(), sendFailure.get());
        }
        long durationMs = Duration.between(startedAt, clock.instant()).toMillis();
        return new Outcome(evaluated.sum(), eligible.sum(), likely.sum(), unreadable.sum(), durationMs);
    }

    @Transactional
    void complete(Draw draw, Outcome o) {
        int inserted = em.createNativeQuery("insert into draw_evaluation (draw_number, draw_revision, evaluated, eligible, likely,"
                        + " duration_ms, completed_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing")
                .setParameter(1, draw.number()).setParameter(2, draw.revision()).setParameter(3, o.evaluated())
                .setParameter(4, o.eligible()).setParameter(5, o.likely()).setParameter(6, o.durationMs())
                .setParameter(7, Timestamp.from(clock.instant()))
                .executeUpdate();
        if (inserted == 0) {
            return;
        }
        DrawEvaluated summary = new DrawEvaluated(draw.number(), draw.revision(), o.evaluated(), o.eligible(), o.likely(), o.durationMs());
        CloudEvent ce = new CloudEvent(EventTypes.drawEvaluatedId(draw.number(), draw.revision()), EventTypes.DRAW_EVALUATED,
                EventTypes.SOURCE_SCORING, clock.instant(), draw.number());
        outbox.add(OutboxEvent.of(Topics.DRAW_EVALUATIONS, draw.number(), ce, summary));
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    ScoringConfig.Producer p = config.evaluation().producer();
                    producer = producers.create("scoring-service-evaluation", Map.of(
                            ProducerConfig.LINGER_MS_CONFIG, p.lingerMs(),
                            ProducerConfig.BATCH_SIZE_CONFIG, p.batchSize(),
                            ProducerConfig.COMPRESSION_TYPE_CONFIG, p.compressionType(),
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, p.deliveryTimeoutMs(),
                            ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024));
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
