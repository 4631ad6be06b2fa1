package ca.eeradar.kit.faults;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells a failure that goes away by itself (the database or the broker is down, restarting, full or
 * busy) from one that no retry can fix (the record itself is wrong). A consumer retries the first
 * without limit and dead-letters only the second: a dead-lettered good record is a lost fact until
 * someone redrives it, while a retried bad record only stalls its partition, which lag alerts show.
 *
 * <p>Transient, anywhere in the cause chain (causes, suppressed exceptions and JDBC's next
 * exceptions, since transaction managers report a failed commit as a suppressed one):
 * <ul>
 * <li>{@link SQLTransientException}, {@link SQLRecoverableException}, {@link SQLNonTransientConnectionException};
 * <li>SQLState class {@code 08} (connection exception), {@code 53} (insufficient resources: too many
 * connections, disk full, out of memory), {@code 55} (object not in prerequisite state: a database not
 * accepting connections, a lock not available), {@code 57P01}/{@code 57P02}/{@code 57P03} (administrator,
 * crash shutdown; cannot connect now), {@code 57014} (statement cancelled, e.g. by a statement timeout),
 * {@code 40001}/{@code 40P01} (serialization failure, deadlock), {@code 25006} (read-only transaction:
 * writing to a standby during a fail-over);
 * <li>a connection pool's acquisition timeout (Agroal: an {@link SQLException} without SQLState saying
 * "acquisition timeout");
 * <li>{@link java.net.SocketException} (connection refused, reset), {@link java.net.SocketTimeoutException},
 * {@link java.net.UnknownHostException} (DNS during a restart);
 * <li>Kafka's {@code org.apache.kafka.common.errors.RetriableException} (matched by name: this class stays
 * free of client libraries).
 * </ul>
 * Everything else is poison: constraint violations (class {@code 23}), data exceptions ({@code 22}),
 * parse and schema errors. Class {@code 55} and {@code 25006} are beyond the usual list on purpose: a
 * projection's upserts cannot cause them with their values, only the server's state can.
 */
public final class TransientFailure implements Predicate<Throwable> {
    private static final Set<String> TRANSIENT_STATES =
            Set.of("57P01", "57P02", "57P03", "57014", "40001", "40P01", "25006");
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "55");
    private static final String KAFKA_RETRIABLE = "org.apache.kafka.common.errors.RetriableException";

    /** For {@code whenException(...)} of a SmallRye Fault Tolerance retry and {@code @RetryWhen}. */
    @Override
    public boolean test(Throwable failure) {
        return isTransient(failure);
    }

    /** True if {@code failure} or anything it wraps is transient (see the class comment). */
    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (itself(t)) {
                return true;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return false;
    }

    private static boolean itself(Throwable t) {
        if (t instanceof SQLTransientException
                || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state == null) {
                return acquisitionTimeout(sql);
            }
            return TRANSIENT_STATES.contains(state)
                    || state.length() == 5 && TRANSIENT_CLASSES.contains(state.substring(0, 2));
        }
        if (t instanceof java.net.SocketException
                || t instanceof java.net.SocketTimeoutException
                || t instanceof java.net.UnknownHostException) {
            return true;
        }
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(KAFKA_RETRIABLE)) {
                return true;
            }
        }
        return false;
    }

    /** Agroal throws a plain SQLException ("Sorry, acquisition timeout!") when no connection frees up in time. */
    private static boolean acquisitionTimeout(SQLException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
