package ca.eeradar.query.candidates;

import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.InvitationForecast;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.contracts.rules.RoundNumber;
import ca.eeradar.query.api.Page;
import ca.eeradar.query.draws.DrawFilter;
import ca.eeradar.query.draws.DrawQueries;
import ca.eeradar.query.pool.PoolQueries;
import ca.eeradar.query.readmodel.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

@ApplicationScoped
public class CandidateQueries {

    @Inject
    DataSource ds;

    @Inject
    DrawQueries draws;

    @Inject
    PoolQueries pools;

    public Optional<CandidateStatus> status(String candidateId) {
        return latestScore(candidateId).map(this::status);
    }

    private Optional<CandidateScored> latestScore(String candidateId) {
        return Sql.query(
                        ds,
                        "select payload from candidate_score where candidate_id = ?",
                        List.of(candidateId),
                        rs -> EventJson.read(rs.getString(1).getBytes(StandardCharsets.UTF_8), CandidateScored.class))
                .stream()
                .findFirst();
    }

    private CandidateStatus status(CandidateScored s) {
        List<Program> programs = s.programs() == null ? List.of() : s.programs();
        List<CandidateScored.CategoryEligibility> categories = s.categories() == null ? List.of() : s.categories();
        List<CandidateStatus.Eligibility> eligibility = new ArrayList<>();
        if (!programs.isEmpty()) {
            // General rounds invite from every program: anyone eligible for one of them is in.
            eligibility.add(
                    eligibility("GENERAL", s.total(), new DrawFilter(Draw.RoundType.GENERAL, null, null, null, null)));
        }
        for (Program program : programs) {
            eligibility.add(eligibility(
                    "PROGRAM:" + program,
                    s.total(),
                    new DrawFilter(Draw.RoundType.PROGRAM, program, null, null, null)));
        }
        for (CandidateScored.CategoryEligibility c : categories) {
            eligibility.add(eligibility(
                    "CATEGORY:" + c.category() + (c.version() == null ? "" : "/" + c.version()),
                    s.total(),
                    new DrawFilter(Draw.RoundType.CATEGORY, null, c.category(), null, null)));
        }
        return new CandidateStatus(
                s.candidateId(),
                s.profileVersion(),
                s.asOf(),
                s.total(),
                s.sections(),
                s.rulesVersion(),
                programs,
                categories,
                eligibility,
                pools.latest().map(pool -> RankEstimate.of(s.total(), pool)).orElse(null),
                s.scoredAt(),
                latestForecast(s.candidateId()).map(StoredForecast::of).orElse(null));
    }

    private Optional<InvitationForecast> latestForecast(String candidateId) {
        return Sql.query(
                        ds,
                        "select payload from candidate_forecast where candidate_id = ?",
                        List.of(candidateId),
                        rs -> EventJson.read(
                                rs.getString(1).getBytes(StandardCharsets.UTF_8), InvitationForecast.class))
                .stream()
                .findFirst();
    }

    private CandidateStatus.Eligibility eligibility(String basis, int total, DrawFilter filter) {
        return draws.latest(filter)
                .map(DrawQueries.StoredDraw::draw)
                .map(d -> new CandidateStatus.Eligibility(
                        basis,
                        new CandidateStatus.LastDraw(d.number(), d.date(), d.name(), d.crsCutoff()),
                        total - d.crsCutoff()))
                .orElse(new CandidateStatus.Eligibility(basis, null, null));
    }

    /**
     * Every InvitationLikely of the candidate, newest round first, for the revision of each round
     * that counts: once scoring-service has evaluated a newer revision (DrawEvaluated), an invitation
     * of an older revision without a successor is void (the correction took the candidate out).
     * Empty when the candidate is unknown.
     */
    public Optional<Page<ObjectNode>> invitations(String candidateId) {
        record Row(
                String payload,
                String drawName,
                String roundType,
                String category,
                LocalDate date,
                RoundNumber number,
                int revision) {}
        List<Row> rows = Sql.query(
                ds,
                """
                select i.payload, d.payload::json->>'name', d.round_type, d.category,
                       (i.payload::json->>'drawDate')::date, i.draw_number, i.draw_revision
                from invitation i
                left join draw d on d.number = i.draw_number
                where i.candidate_id = ?
                  and i.draw_revision = (select max(i2.draw_revision) from invitation i2
                                         where i2.candidate_id = i.candidate_id and i2.draw_number = i.draw_number)
                  and i.draw_revision >= coalesce((select max(e.draw_revision) from draw_evaluation e
                                                   where e.draw_number = i.draw_number), 0)""",
                List.of(candidateId),
                rs -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        RoundNumber.parse(rs.getString(6)),
                        rs.getInt(7)));
        if (rows.isEmpty() && latestScore(candidateId).isEmpty()) {
            return Optional.empty();
        }
        List<ObjectNode> items = rows.stream()
                .sorted(Comparator.comparing(Row::date, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(r -> r.number().number(), Comparator.reverseOrder())
                        .thenComparing(r -> r.number().letter(), Comparator.reverseOrder()))
                .map(r -> {
                    ObjectNode node = parse(r.payload());
                    node.put("drawName", r.drawName());
                    node.put("roundType", r.roundType());
                    node.put("category", r.category());
                    return node;
                })
                .toList();
        return Optional.of(new Page<>(items, null));
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored invitation is not JSON", e);
        }
    }
}
