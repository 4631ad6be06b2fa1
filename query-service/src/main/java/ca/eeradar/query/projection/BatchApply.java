package ca.eeradar.query.projection;

import ca.eeradar.query.projection.ReadModelWriter.CheckedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Applies a batch of checked events so that one bad event never takes good ones down with it: the
 * whole batch in one transaction; if that fails (a database error, a value the database refuses),
 * it is rolled back and the events are applied one by one in their order, each in its own
 * transaction with retries, and only those that still fail are answered. Used by the live channels
 * (which dead-letter the failures) and by the rebuild (which skips them, as the channels did).
 */
@ApplicationScoped
public class BatchApply {
    private static final Logger LOG = Logger.getLogger(BatchApply.class);
    private static final int ATTEMPTS = 4;

    /** An event of the batch that could not be applied even alone, at its index in the batch. */
    public record Failure(int index, RuntimeException reason) {
    }

    @Inject
    ReadModelWriter writer;

    /** {@code committed} gets the newest event time of each commit (once for a batch that went through whole). */
    public List<Failure> apply(List<CheckedEvent> events, Consumer<Instant> committed) {
        List<Failure> failures = new ArrayList<>();
        if (events.isEmpty()) {
            return failures;
        }
        try {
            committed.accept(writer.applyAll(events));
            return failures;
        } catch (RuntimeException e) {
            LOG.warnf("%s: a batch of %d failed (%s), applying its events one by one", events.get(0).event().topic(),
                    events.size(), e.getMessage());
        }
        for (int i = 0; i < events.size(); i++) {
            CheckedEvent event = events.get(i);
            try {
                applyWithRetries(event);
                committed.accept(event.event().time());
            } catch (RuntimeException e) {
                failures.add(new Failure(i, e));
            }
        }
        return failures;
    }

    /**
     * A database hiccup (failover, a full pool) must not send a good event to the DLQ: retry a few
     * times with backoff (about 3 s in all, far below the channel's unprocessed-record max age), then
     * give up.
     */
    private void applyWithRetries(CheckedEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                writer.applyAll(List.of(event));
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("%s %s: attempt %d failed (%s), retrying", event.event().topic(), event.event().id(), attempt,
                        e.getMessage());
                try {
                    Thread.sleep(200L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
