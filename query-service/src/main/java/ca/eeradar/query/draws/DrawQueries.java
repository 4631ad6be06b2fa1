package ca.eeradar.query.draws;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.query.api.Page;
import ca.eeradar.query.readmodel.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads rounds from the read model: newest first, with the shape of the Draw event plus {@code revisions}. */
@ApplicationScoped
public class DrawQueries {
    static final String NEWEST_FIRST = "draw_date desc, number_num desc, number_suffix desc";
    private static final String COLUMNS = "payload, revisions, draw_date, number_num, number_suffix";

    /** One stored round: its current revision as received, and how many revisions were received. */
    public record StoredDraw(Draw draw, String payload, int revisions, DrawPosition position) {

        /** The API shape: the Draw event's fields, then {@code revisions}. */
        public ObjectNode view() {
            try {
                ObjectNode node = (ObjectNode) EventJson.mapper().readTree(payload);
                node.put("revisions", revisions);
                return node;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored draw is not JSON", e);
            }
        }
    }

    @Inject
    DataSource ds;

    public Page<ObjectNode> list(DrawFilter filter, DrawPosition after, int limit) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        if (after != null) {
            where += " and (draw_date, number_num, number_suffix) < (?, ?, ?)";
            params.add(after.date());
            params.add(after.num());
            params.add(after.suffix());
        }
        params.add(limit + 1);
        List<StoredDraw> rows = Sql.query(
                ds,
                "select " + COLUMNS + " from draw where " + where + " order by " + NEWEST_FIRST + " limit ?",
                params,
                DrawQueries::row);
        boolean more = rows.size() > limit;
        List<StoredDraw> page = more ? rows.subList(0, limit) : rows;
        String next = more ? page.get(page.size() - 1).position().cursor() : null;
        return new Page<>(page.stream().map(StoredDraw::view).toList(), next);
    }

    public Optional<StoredDraw> byNumber(String number) {
        return Sql.query(ds, "select " + COLUMNS + " from draw where number = ?", List.of(number), DrawQueries::row)
                .stream()
                .findFirst();
    }

    public Optional<StoredDraw> latest(DrawFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        return Sql.query(
                        ds,
                        "select " + COLUMNS + " from draw where " + where + " order by " + NEWEST_FIRST + " limit 1",
                        params,
                        DrawQueries::row)
                .stream()
                .findFirst();
    }

    /**
     * The evaluation of the round's highest evaluated revision by scoring-service, if any arrived.
     * DrawEvaluated and the InvitationLikely events travel on different topics, so the summary can
     * arrive before the last invitations are applied: {@code invitationsRecorded} tells a client how
     * many this read model holds (equal to {@code likely} once complete; lower after erasures).
     */
    public Optional<ObjectNode> evaluation(String number) {
        return Sql.query(
                        ds,
                        "select e.draw_revision, e.evaluated, e.eligible, e.likely,"
                                + " (select count(*) from invitation i where i.draw_number = e.draw_number"
                                + " and i.draw_revision = e.draw_revision) from draw_evaluation e"
                                + " where e.draw_number = ? order by e.draw_revision desc limit 1",
                        List.of(number),
                        rs -> {
                            ObjectNode node = EventJson.mapper().createObjectNode();
                            node.put("revision", rs.getInt(1));
                            node.put("evaluated", rs.getLong(2));
                            node.put("eligible", rs.getLong(3));
                            node.put("likely", rs.getLong(4));
                            node.put("invitationsRecorded", rs.getLong(5));
                            return node;
                        })
                .stream()
                .findFirst();
    }

    public DrawStats stats(StatsGroupBy groupBy, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        String where = new DrawFilter(null, null, null, from, to).where(params);
        String sql = "select grp, count(*), sum(invitations), min(crs_cutoff),"
                + " percentile_cont(0.5) within group (order by crs_cutoff), max(crs_cutoff)"
                + " from (select " + groupBy.sql + " as grp, invitations, crs_cutoff from draw where " + where + ") d"
                + " where grp is not null group by grp order by grp";
        return new DrawStats(Sql.query(
                ds,
                sql,
                params,
                rs -> new DrawStats.Group(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getInt(4),
                        median(rs.getDouble(5)),
                        rs.getInt(6))));
    }

    private static Number median(double value) {
        return value == Math.rint(value) ? (Number) Long.valueOf((long) value) : (Number) Double.valueOf(value);
    }

    private static StoredDraw row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String payload = rs.getString(1);
        return new StoredDraw(
                EventJson.read(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), Draw.class),
                payload,
                rs.getInt(2),
                new DrawPosition(rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getString(5)));
    }
}
