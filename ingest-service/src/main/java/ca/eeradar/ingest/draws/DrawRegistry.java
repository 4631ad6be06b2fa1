package ca.eeradar.ingest.draws;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import ca.eeradar.ingest.quarantine.Quarantine;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.kit.outbox.Outbox;
import ca.eeradar.kit.outbox.OutboxRecord;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every round and all its revisions. The one place that turns a new fact into exactly one event: the draw,
 * its revision and the outbox row are written in one transaction, or not at all.
 */
@ApplicationScoped
public class DrawRegistry {

    /** How a write treats a round that already exists. */
    public enum Intent {
        /** POST /draws: a new round; the same facts again is a no-op, different facts are a conflict. */
        ANNOUNCE,
        /** PUT /draws/{n}: the round must exist; different facts make a new revision. */
        CORRECT,
        /** The feed: new rounds are announced, changed ones corrected, the same ones left alone. */
        IMPORT
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Quarantine quarantine;

    @Inject
    MeterRegistry registry;

    /**
     * Records one round (already checked against {@link DrawRules}).
     *
     * @param expectedRevision for CORRECT: the revision the client saw (If-Match), or null
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Recorded record(Draw draw, Intent intent, Integer expectedRevision) {
        return recordInTransaction(draw, intent, expectedRevision);
    }

    /**
     * Records several rounds of a feed in one transaction (a first import has 438): all or none. The caller
     * records them one by one when this fails, so that one bad round cannot hold the others back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Recorded> recordAll(List<Draw> draws) {
        return draws.stream()
                .map(d -> recordInTransaction(d, Intent.IMPORT, null))
                .toList();
    }

    private Recorded recordInTransaction(Draw draw, Intent intent, Integer expectedRevision) {
        // Two writers of the same round (the poller and an operator, or two instances) queue here instead of
        // both deciding "new round"; rounds are few, so a per-number advisory lock costs nothing.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:number))")
                .setParameter("number", draw.number())
                .getSingleResult();
        DrawRecord current = DrawRecord.findById(draw.number());
        Instant now = draw.source().receivedAt();
        if (current == null) {
            if (intent == Intent.CORRECT) {
                throw ProblemException.notFound("round " + draw.number());
            }
            Draw first = draw.withRevision(1, draw.source());
            DrawRecord record = new DrawRecord();
            record.number = draw.number();
            record.revision = 1;
            record.drawDate = draw.date();
            record.updatedAt = now;
            record.persist();
            store(first, EventTypes.DRAW_ANNOUNCED);
            return counted(new Recorded(Recorded.Outcome.ANNOUNCED, first), intent);
        }
        Draw latest = revision(draw.number(), current.revision).orElseThrow();
        if (sameFacts(latest, draw)) {
            return new Recorded(Recorded.Outcome.UNCHANGED, latest);
        }
        if (intent == Intent.ANNOUNCE) {
            throw ProblemException.conflict("round " + draw.number() + " exists (revision " + current.revision
                    + ") with different facts; correct it with PUT /api/v1/draws/" + draw.number());
        }
        if (expectedRevision != null && expectedRevision != current.revision) {
            throw ProblemException.preconditionFailed(
                    "round " + draw.number() + " is at revision " + current.revision + ", not " + expectedRevision);
        }
        Draw next = draw.withRevision(current.revision + 1, draw.source());
        current.revision = next.revision();
        current.drawDate = next.date();
        current.updatedAt = now;
        store(next, EventTypes.DRAW_CORRECTED);
        return counted(new Recorded(Recorded.Outcome.CORRECTED, next), intent);
    }

    private Recorded counted(Recorded recorded, Intent intent) {
        registry.counter(
                        "eeradar.ingest.rounds.imported",
                        "outcome",
                        recorded.outcome().name().toLowerCase(),
                        "via",
                        intent == Intent.IMPORT ? "feed" : "api")
                .increment();
        return recorded;
    }

    private void store(Draw draw, String eventType) {
        DrawRevision revision = new DrawRevision();
        revision.number = draw.number();
        revision.revision = draw.revision();
        revision.payload = new String(EventJson.write(draw), StandardCharsets.UTF_8);
        revision.sourceKind = draw.source().kind().name();
        revision.sourceReference = draw.source().reference();
        revision.receivedAt = draw.source().receivedAt();
        revision.persist();
        quarantine.resolve(draw.number(), draw.source().receivedAt());
        CloudEvent event = new CloudEvent(
                EventTypes.drawEventId(draw.number(), draw.revision()),
                eventType,
                EventTypes.SOURCE_INGEST,
                draw.source().receivedAt(),
                draw.number());
        outbox.add(OutboxRecord.of(Topics.DRAWS, draw.number(), event, draw));
    }

    /** Facts are everything but the bookkeeping (revision, source): the same round re-sent is not a new fact. */
    public static boolean sameFacts(Draw a, Draw b) {
        return a.withRevision(0, null).equals(b.withRevision(0, null));
    }

    @Transactional
    public Optional<Draw> current(String number) {
        DrawRecord record = DrawRecord.findById(number);
        return record == null ? Optional.empty() : revision(number, record.revision);
    }

    @Transactional
    public List<Draw> revisions(String number) {
        return em.createQuery(
                        "SELECT r.payload FROM DrawRevision r WHERE r.number = :number ORDER BY r.revision",
                        String.class)
                .setParameter("number", number)
                .getResultStream()
                .map(DrawRegistry::read)
                .toList();
    }

    /** The current revision of every round, by number: lets an import skip unchanged rounds in one query. */
    @Transactional
    public Map<String, Draw> currentByNumber() {
        List<String> payloads = em.createQuery(
                        "SELECT r.payload FROM DrawRevision r, DrawRecord d "
                                + "WHERE r.number = d.number AND r.revision = d.revision",
                        String.class)
                .getResultList();
        Map<String, Draw> byNumber = new HashMap<>(payloads.size() * 2);
        for (String payload : payloads) {
            Draw draw = read(payload);
            byNumber.put(draw.number(), draw);
        }
        return byNumber;
    }

    @Transactional
    public long count() {
        return DrawRecord.count();
    }

    private Optional<Draw> revision(String number, int revision) {
        DrawRevision.Key key = new DrawRevision.Key();
        key.number = number;
        key.revision = revision;
        DrawRevision row = em.find(DrawRevision.class, key);
        return row == null ? Optional.empty() : Optional.of(read(row.payload));
    }

    private static Draw read(String payload) {
        return EventJson.read(payload.getBytes(StandardCharsets.UTF_8), Draw.class);
    }
}
