package ca.eeradar.query.projection;

import ca.eeradar.kit.faults.TransientFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Applies a batch of checked events so that one bad event never takes good ones down with it, and an
 * outage takes none of them: the whole batch goes in one transaction, retried through
 * {@link OutageRetry} while the database is unavailable or busy. If it fails for another reason (a
 * value the database refuses), it is rolled back and the events are applied one by one in their
 * order, each in its own transaction and again retried through outages; only those that still fail
 * alone, for a reason no retry fixes, are answered. Used by the live channels (which dead-letter the
 * answered failures) and by the rebuild (which skips them, as the channels dead-lettered them).
 */
@ApplicationScoped
public class BatchApply {
    private static final Logger LOG = Logger.getLogger(BatchApply.class);

    /** An event of the batch that could not be applied even alone, at its index in the batch. */
    public record Failure(int index, RuntimeException reason) {}

    /** How long to ride out an outage: as long as it lasts (live) or within the rebuild's timeout. */
    public enum Patience {
        LIVE,
        REBUILD
    }

    @Inject
    ReadModelWriter writer;

    @Inject
    OutageRetry retry;

    /**
     * {@code committed} gets the newest event time of each commit (once for a batch that went through
     * whole). A transient failure that outlasts the patience (only in a rebuild) is thrown, never answered
     * as a failure: the events are good, the database is not there.
     */
    public List<Failure> apply(List<CheckedEvent> events, Consumer<Instant> committed, Patience patience) {
        List<Failure> failures = new ArrayList<>();
        if (events.isEmpty()) {
            return failures;
        }
        try {
            committed.accept(retried(() -> writer.applyAll(events), patience));
            return failures;
        } catch (RuntimeException e) {
            rethrowIfTransient(e);
            LOG.warnf(
                    "%s: a batch of %d failed (%s), applying its events one by one",
                    events.get(0).event().topic(), events.size(), e.getMessage());
        }
        for (int i = 0; i < events.size(); i++) {
            CheckedEvent event = events.get(i);
            try {
                committed.accept(retried(() -> writer.applyAll(List.of(event)), patience));
            } catch (RuntimeException e) {
                rethrowIfTransient(e);
                failures.add(new Failure(i, e));
            }
        }
        return failures;
    }

    private Instant retried(Supplier<Instant> work, Patience patience) {
        return patience == Patience.LIVE
                ? retry.untilDone(work, Instant.class)
                : retry.withinRebuild(work, Instant.class);
    }

    /**
     * Only a rebuild gives up on an outage; and an interrupted retry (shutdown) ends with a failure that
     * says nothing about the event: neither may send a good event to the DLQ.
     */
    private static void rethrowIfTransient(RuntimeException e) {
        if (TransientFailure.isTransient(e) || interrupted(e)) {
            throw e;
        }
    }

    private static boolean interrupted(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
