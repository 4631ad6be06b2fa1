package ca.eeradar.query.projection;

import ca.eeradar.contracts.CandidateErased;
import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.InvitationForecast;
import ca.eeradar.contracts.InvitationLikely;
import ca.eeradar.contracts.rules.RoundNumber;
import ca.eeradar.query.readmodel.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Applies events to the read model, one or a batch per transaction. Every write is an upsert keyed by the
 * fact's identity and every comparison keeps the greatest (revision, profile version, time), so
 * applying an event twice, or applying events in another order (a rebuild reads the five topics
 * interleaved differently from the live consumers), leaves the same rows.
 */
@ApplicationScoped
public class ReadModelWriter {
    @Inject
    DataSource ds;

    @Inject
    ForecastProjection forecasts;

    /**
     * Checked events in one transaction, in the given order (the order of their partitions), and
     * data_as_of once, to the newest event time among them. The result is that of applying them one
     * by one: each write still sees the ones before it. Answers that newest event time (null for none).
     */
    @Transactional
    public Instant applyAll(List<CheckedEvent> events) {
        Instant newest = null;
        int i = 0;
        while (i < events.size()) {
            Object body = events.get(i).body();
            int end = i + 1;
            while (end < events.size() && events.get(end).body().getClass() == body.getClass()) {
                end++;
            }
            List<CheckedEvent> run = events.subList(i, end);
            // The bulk facts (a round evaluated over every profile) go in one JDBC batch per run of the same
            // type: the statements still execute one after the other, in this order, in this transaction.
            if (body instanceof CandidateScored) {
                Sql.batch(
                        ds,
                        SCORED,
                        run.stream()
                                .map(e -> scoredRow((CandidateScored) e.body()))
                                .toList());
            } else if (body instanceof InvitationLikely) {
                Sql.batch(
                        ds,
                        INVITATION,
                        run.stream()
                                .map(e -> invitationRow((InvitationLikely) e.body()))
                                .toList());
            } else {
                run.forEach(e -> write(e.body()));
            }
            for (CheckedEvent e : run) {
                if (e.event().time() == null) {
                    continue; // a tombstone has no time
                }
                newest = newest == null || e.event().time().isAfter(newest)
                        ? e.event().time()
                        : newest;
            }
            i = end;
        }
        if (newest != null) {
            Sql.update(ds, "update read_model_state set data_as_of = greatest(data_as_of, ?) where id = 1", newest);
        }
        return newest;
    }

    private void write(Object body) {
        if (body instanceof Draw d) {
            draw(d);
        } else if (body instanceof CandidateErased e) {
            erased(e);
        } else if (body instanceof DrawEvaluated e) {
            evaluated(e);
        } else if (body instanceof InvitationForecast f) {
            forecasts.upsert(f);
        } else if (body instanceof ForecastProjection.Tombstone t) {
            forecasts.delete(t);
        } else {
            throw new IllegalArgumentException("not a checked event body: " + body.getClass());
        }
    }

    /** Removes everything derived from the topics (the rebuild replays them afterwards). */
    @Transactional
    public void truncate() {
        Sql.update(
                ds,
                "truncate draw, draw_revision, draw_evaluation, candidate_score, candidate_erasure, invitation, candidate_forecast");
        Sql.update(ds, "update read_model_state set data_as_of = null where id = 1");
    }

    private void draw(Draw d) {
        RoundNumber n = RoundNumber.parse(d.number());
        Sql.update(
                ds,
                """
                insert into draw (number, number_num, number_suffix, revision, draw_date, round_type, program, category,
                                  invitations, crs_cutoff, pool_as_of, payload)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (number) do update set revision = excluded.revision, draw_date = excluded.draw_date,
                    round_type = excluded.round_type, program = excluded.program, category = excluded.category,
                    invitations = excluded.invitations, crs_cutoff = excluded.crs_cutoff,
                    pool_as_of = excluded.pool_as_of, payload = excluded.payload
                where draw.revision < excluded.revision""",
                d.number(),
                n.number(),
                n.letter(),
                d.revision(),
                d.date(),
                d.roundType(),
                d.program(),
                d.category(),
                d.invitations(),
                d.crsCutoff(),
                d.pool() == null ? null : d.pool().asOf(),
                new String(EventJson.write(d), java.nio.charset.StandardCharsets.UTF_8));
        Sql.update(
                ds,
                "insert into draw_revision (number, revision) values (?, ?) on conflict do nothing",
                d.number(),
                d.revision());
        Sql.update(
                ds,
                "update draw set revisions = (select count(*) from draw_revision r where r.number = draw.number)"
                        + " where number = ?",
                d.number());
    }

    private static final String INVITATION = """
            insert into invitation (candidate_id, draw_number, draw_revision, evaluated_at, payload)
            select ?, ?, ?, ?, ?
            where not exists (select 1 from candidate_erasure e where e.candidate_id = ? and e.erased_at >= ?)
            on conflict (candidate_id, draw_number, draw_revision) do update
                set evaluated_at = excluded.evaluated_at, payload = excluded.payload
            where invitation.evaluated_at < excluded.evaluated_at""";

    private static Object[] invitationRow(InvitationLikely i) {
        return new Object[] {
            i.candidateId(),
            i.drawNumber(),
            i.drawRevision(),
            i.evaluatedAt(),
            json(i),
            i.candidateId(),
            i.evaluatedAt()
        };
    }

    private static final String SCORED = """
            insert into candidate_score (candidate_id, profile_version, as_of, scored_at, payload)
            select ?, ?, ?, ?, ?
            where not exists (select 1 from candidate_erasure e where e.candidate_id = ? and e.erased_at >= ?)
            on conflict (candidate_id) do update set profile_version = excluded.profile_version,
                as_of = excluded.as_of, scored_at = excluded.scored_at, payload = excluded.payload
            where (candidate_score.profile_version, candidate_score.as_of, candidate_score.scored_at)
                < (excluded.profile_version, excluded.as_of, excluded.scored_at)""";

    private static Object[] scoredRow(CandidateScored s) {
        return new Object[] {
            s.candidateId(), s.profileVersion(), s.asOf(), s.scoredAt(), json(s), s.candidateId(), s.scoredAt()
        };
    }

    private void erased(CandidateErased e) {
        Sql.update(ds, """
                insert into candidate_erasure (candidate_id, erased_at) values (?, ?)
                on conflict (candidate_id) do update set erased_at = greatest(candidate_erasure.erased_at, excluded.erased_at)""", e.candidateId(), e.erasedAt());
        Sql.update(
                ds,
                "delete from candidate_score where candidate_id = ? and scored_at <= ?",
                e.candidateId(),
                e.erasedAt());
        Sql.update(
                ds,
                "delete from invitation where candidate_id = ? and evaluated_at <= ?",
                e.candidateId(),
                e.erasedAt());
        Sql.update(
                ds,
                "delete from candidate_forecast where candidate_id = ? and computed_at <= ?",
                e.candidateId(),
                e.erasedAt());
    }

    private void evaluated(DrawEvaluated e) {
        Sql.update(ds, """
                insert into draw_evaluation (draw_number, draw_revision, evaluated, eligible, likely, duration_ms)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""", e.drawNumber(), e.drawRevision(), e.evaluated(), e.eligible(), e.likely(), e.durationMs());
    }

    private static String json(Object payload) {
        return new String(EventJson.write(payload), java.nio.charset.StandardCharsets.UTF_8);
    }
}
