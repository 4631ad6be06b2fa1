package ca.eeradar.kit.deadletters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What was redriven, in the service's own database (table {@code dead_letter_redrive}, created by each
 * service's Flyway migration): one row per DLQ record, claimed before it is re-published and completed
 * with where it landed, so a second redrive of the same offsets publishes nothing, even from another
 * replica at the same time (the primary key decides who publishes).
 */
@ApplicationScoped
public class RedriveLedger {
    @Inject
    DataSource dataSource;

    /** Claims a DLQ record for this redrive; false if it was redriven (or is being redriven) already. */
    public boolean claim(String dlqTopic, int partition, long offset, Instant at) {
        return update(
                        "insert into dead_letter_redrive (dlq_topic, dlq_partition, dlq_offset, redriven_at)"
                                + " values (?, ?, ?, ?) on conflict do nothing",
                        dlqTopic,
                        partition,
                        offset,
                        Timestamp.from(at))
                == 1;
    }

    /** Records where the redriven record landed. */
    public void landed(String dlqTopic, int partition, long offset, int toPartition, long toOffset) {
        update(
                "update dead_letter_redrive set target_partition = ?, target_offset = ?"
                        + " where dlq_topic = ? and dlq_partition = ? and dlq_offset = ?",
                toPartition,
                toOffset,
                dlqTopic,
                partition,
                offset);
    }

    /** Gives a claim back after the publish failed: the record may be redriven again. */
    public void release(String dlqTopic, int partition, long offset) {
        update(
                "delete from dead_letter_redrive where dlq_topic = ? and dlq_partition = ? and dlq_offset = ?",
                dlqTopic,
                partition,
                offset);
    }

    /** The DLQ records of {@code dlqTopic} redriven so far, as "partition@offset". */
    public Set<String> redriven(String dlqTopic) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select dlq_partition, dlq_offset from dead_letter_redrive where dlq_topic = ?")) {
            ps.setString(1, dlqTopic);
            Set<String> done = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    done.add(rs.getInt(1) + "@" + rs.getLong(2));
                }
            }
            return done;
        } catch (SQLException e) {
            throw new IllegalStateException("redrive ledger: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("redrive ledger: " + e.getMessage(), e);
        }
    }
}
