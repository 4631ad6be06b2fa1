package ca.eeradar.scoring.draws;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The local copy of the rounds read from express-entry.draws: every revision, upserted by (number, revision). */
@ApplicationScoped
public class DrawStore {
    @Inject
    EntityManager em;

    @Transactional
    public void keep(Draw draw, Instant receivedAt) {
        em.createNativeQuery(
                        "insert into draw_revision (draw_number, revision, draw_date, payload, received_at)"
                                + " values (?1, ?2, ?3, ?4, ?5) on conflict (draw_number, revision) do update"
                                + " set draw_date = excluded.draw_date, payload = excluded.payload, received_at = excluded.received_at")
                .setParameter(1, draw.number())
                .setParameter(2, draw.revision())
                .setParameter(3, Date.valueOf(draw.date()))
                .setParameter(4, new String(EventJson.write(draw), StandardCharsets.UTF_8))
                .setParameter(5, Timestamp.from(receivedAt))
                .executeUpdate();
    }

    /** The latest revision of every round held between the two dates (inclusive), oldest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Draw> latestBetween(LocalDate from, LocalDate to) {
        List<String> payloads = em.createNativeQuery("select distinct on (draw_number) payload from draw_revision"
                        + " where draw_date between ?1 and ?2 order by draw_number, revision desc")
                .setParameter(1, Date.valueOf(from))
                .setParameter(2, Date.valueOf(to))
                .getResultList();
        return payloads.stream()
                .map(p -> EventJson.read(p.getBytes(StandardCharsets.UTF_8), Draw.class))
                .sorted(java.util.Comparator.comparing(Draw::date)
                        .thenComparing(
                                Draw::drawnAt, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                        .thenComparing(Draw::number))
                .toList();
    }

    /** The highest stored revision of a round, or 0. */
    @Transactional
    public int latestRevision(String number) {
        Object max = em.createNativeQuery("select coalesce(max(revision), 0) from draw_revision where draw_number = ?1")
                .setParameter(1, number)
                .getSingleResult();
        return ((Number) max).intValue();
    }
}
