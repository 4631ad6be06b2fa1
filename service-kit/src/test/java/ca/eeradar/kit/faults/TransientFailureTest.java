package ca.eeradar.kit.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransientFailureTest {

    @ParameterizedTest(name = "SQLState {0} is transient")
    @ValueSource(
            strings = {
                "08000",
                "08001",
                "08003",
                "08004",
                "08006",
                "08P01", // connection exceptions
                "57P01",
                "57P02",
                "57P03", // admin shutdown, crash shutdown, cannot connect now
                "53000",
                "53100",
                "53200",
                "53300",
                "53400", // insufficient resources, too many connections
                "55000",
                "55006",
                "55P03", // database not accepting connections, object in use, lock not available
                "40001",
                "40P01", // serialization failure, deadlock
                "57014", // statement cancelled
                "25006" // read-only transaction (a standby after a fail-over)
            })
    void sqlStatesOfAnUnavailableOrBusyDatabaseAreTransient(String state) {
        assertTrue(TransientFailure.isTransient(new SQLException("x", state)));
        assertTrue(
                TransientFailure.isTransient(
                        new IllegalStateException("read model update failed", new SQLException("x", state))),
                "wrapped");
    }

    @ParameterizedTest(name = "SQLState {0} is poison")
    @ValueSource(
            strings = {
                "23505", "23503", "23502", "23514", "23P01", // constraint violations
                "22001", "22003", "22007", "22021", "22P02", "22P05", // data exceptions (22P05: a NUL in text)
                "42601", "42703", // syntax error, undefined column: a bug, not an outage
                "40002", // integrity violation found at commit
                "57P04", // database dropped
                "XX000"
            })
    void sqlStatesOfARecordTheDatabaseRefusesArePoison(String state) {
        assertFalse(TransientFailure.isTransient(new SQLException("x", state)));
        assertFalse(TransientFailure.isTransient(new IllegalStateException("x", new SQLException("x", state))));
    }

    @Test
    void jdbcTransientAndRecoverableExceptionsAreTransientWhateverTheirState() {
        assertTrue(TransientFailure.isTransient(new SQLTransientConnectionException("no connection")));
        assertTrue(TransientFailure.isTransient(new SQLTimeoutException("query timeout")));
        assertTrue(TransientFailure.isTransient(new SQLTransactionRollbackException("rolled back")));
        assertTrue(TransientFailure.isTransient(new SQLRecoverableException("I/O error")));
        assertTrue(TransientFailure.isTransient(new SQLNonTransientConnectionException("connection closed")));
    }

    @Test
    void theConnectionPoolsAcquisitionTimeoutIsTransient() {
        assertTrue(TransientFailure.isTransient(new SQLException("Sorry, acquisition timeout!")));
        assertTrue(
                TransientFailure.isTransient(new SQLException("Acquisition timeout while waiting for new connection")));
        assertFalse(TransientFailure.isTransient(new SQLException("something else without a state")));
    }

    @Test
    void networkFailuresAreTransient() {
        assertTrue(TransientFailure.isTransient(new ConnectException("Connection refused")));
        assertTrue(TransientFailure.isTransient(new SocketTimeoutException("Read timed out")));
        assertTrue(TransientFailure.isTransient(new UnknownHostException("postgres")));
        assertTrue(TransientFailure.isTransient(new SQLException(
                "The connection attempt failed.", "08001", new ConnectException("Connection refused"))));
    }

    @Test
    void kafkasRetriableErrorsAreTransientAndItsOthersPoison() {
        assertTrue(TransientFailure.isTransient(new ExecutionException(new TimeoutException("expired"))));
        assertTrue(TransientFailure.isTransient(new NotEnoughReplicasException("isr")));
        assertFalse(TransientFailure.isTransient(new RecordTooLargeException("too large")));
    }

    @Test
    void theCauseChainIsWalkedThroughCausesSuppressedAndNextExceptions() {
        // A transaction manager reports the failed commit as a suppressed exception of its RollbackException.
        RuntimeException rollback = new IllegalStateException("transaction rolled back");
        rollback.addSuppressed(new SQLException("terminating connection due to administrator command", "57P01"));
        assertTrue(TransientFailure.isTransient(new RuntimeException("commit failed", rollback)));

        // PostgreSQL's driver puts the statement's own error behind a batch's BatchUpdateException.
        BatchUpdateException batch = new BatchUpdateException("Batch entry 3 was aborted", "23505", new int[0]);
        assertFalse(TransientFailure.isTransient(batch));
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertTrue(TransientFailure.isTransient(batch));
    }

    @Test
    void parseErrorsAndCyclesArePoisonAndTerminate() {
        assertFalse(TransientFailure.isTransient(new UncheckedIOException(new java.io.IOException("not JSON"))));
        assertFalse(TransientFailure.isTransient(new IllegalArgumentException("invalid field total: 1300")));
        assertFalse(TransientFailure.isTransient(null));
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertFalse(TransientFailure.isTransient(a));
    }

    @Test
    void itIsAPredicateForFaultTolerancesWhenException() {
        assertTrue(new TransientFailure().test(new SQLException("x", "08006")));
        assertFalse(new TransientFailure().test(new SQLException("x", "23505")));
    }
}
