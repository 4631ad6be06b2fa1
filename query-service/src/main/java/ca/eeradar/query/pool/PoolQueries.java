package ca.eeradar.query.pool;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.query.api.Page;
import ca.eeradar.query.readmodel.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The pool distributions IRCC published with the rounds (non-overlapping bands only, as the Draw
 * event carries them). Two rounds on the same day usually publish the same snapshot; when they
 * differ, the one of the later round (by number) is the answer for that date.
 */
@ApplicationScoped
public class PoolQueries {
    private static final String ORDER = "pool_as_of desc, draw_date desc, number_num desc, number_suffix desc";

    @Inject
    DataSource ds;

    public Optional<Draw.Pool> latest() {
        return Sql.query(
                        ds,
                        "select payload from draw where pool_as_of is not null order by " + ORDER + " limit 1",
                        List.of(),
                        rs -> pool(rs.getString(1)))
                .stream()
                .findFirst();
    }

    /** Snapshots per date, newest first; {@code before}: the asOf of the last item of the previous page. */
    public Page<Draw.Pool> between(LocalDate from, LocalDate to, LocalDate before, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("pool_as_of is not null");
        if (from != null) {
            where.append(" and pool_as_of >= ?");
            params.add(from);
        }
        if (to != null) {
            where.append(" and pool_as_of <= ?");
            params.add(to);
        }
        if (before != null) {
            where.append(" and pool_as_of < ?");
            params.add(before);
        }
        params.add(limit + 1);
        List<Draw.Pool> rows = Sql.query(
                ds,
                "select distinct on (pool_as_of) payload from draw where " + where + " order by " + ORDER + " limit ?",
                params,
                rs -> pool(rs.getString(1)));
        boolean more = rows.size() > limit;
        List<Draw.Pool> page = more ? rows.subList(0, limit) : rows;
        return new Page<>(
                page,
                more
                        ? ca.eeradar.query.api.Cursor.encode(
                                page.get(page.size() - 1).asOf().toString())
                        : null);
    }

    public static LocalDate fromCursor(String cursor) {
        String[] parts = ca.eeradar.query.api.Cursor.decode(cursor, 1);
        try {
            return parts == null ? null : LocalDate.parse(parts[0]);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Draw.Pool pool(String payload) {
        return EventJson.read(payload.getBytes(StandardCharsets.UTF_8), Draw.class)
                .pool();
    }
}
