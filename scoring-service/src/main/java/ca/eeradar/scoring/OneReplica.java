package ca.eeradar.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs a scheduled job for the whole cluster on one replica only. Every replica's scheduler fires; the first to
 * take a PostgreSQL session advisory lock runs the job, the others skip it. The lock is released with the
 * connection if the replica dies, so a crash never leaves the job locked until the next day.
 */
@ApplicationScoped
public class OneReplica {
    /** A job that may read the database and be interrupted. */
    public interface Job {
        void run() throws SQLException, InterruptedException;
    }

    @Inject
    DataSource dataSource;

    /** Runs {@code job} unless another replica holds {@code lock}; answers whether it ran here. */
    public boolean run(long lock, Job job) throws SQLException, InterruptedException {
        try (Connection c = dataSource.getConnection()) {
            if (!advisoryLock(c, "pg_try_advisory_lock", lock)) {
                return false;
            }
            try {
                job.run();
                return true;
            } finally {
                advisoryLock(c, "pg_advisory_unlock", lock);
            }
        }
    }

    private static boolean advisoryLock(Connection c, String function, long lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + function + "(?)")) {
            ps.setLong(1, lock);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
