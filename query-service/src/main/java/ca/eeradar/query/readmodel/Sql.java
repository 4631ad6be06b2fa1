package ca.eeradar.query.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Plain JDBC on the read model: upserts with ON CONFLICT and keyset pages are SQL, not entities. */
public final class Sql {
    private Sql() {}

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static int update(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("read model update failed: " + e.getMessage(), e);
        }
    }

    /**
     * One statement for many rows, sent together (one round trip instead of one per row) and executed
     * in the order of {@code rows}. A single row goes through {@link #update}: the driver's batch error
     * message would quote the row's values, and those must not reach logs or DLQ headers.
     */
    public static void batch(DataSource ds, String sql, List<Object[]> rows) {
        if (rows.size() == 1) {
            update(ds, sql, rows.get(0));
            return;
        }
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("read model batch update failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    public static <T> List<T> query(DataSource ds, String sql, List<?> params, Row<T> row) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read model query failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                ps.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
