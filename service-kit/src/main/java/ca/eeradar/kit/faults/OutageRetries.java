package ca.eeradar.kit.faults;

import io.smallrye.faulttolerance.api.Guard;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * The retry every consumer of this project puts around work that fails only while the database or
 * the broker is away ({@link TransientFailure}): SmallRye Fault Tolerance, exponential backoff with
 * jitter, no limit in count and, unless {@code giveUpAfter} is positive, none in time either. Any
 * other failure is thrown at once, so a record that can never be applied reaches its DLQ right away.
 * Each attempt must bound itself (pool acquisition, socket and producer timeouts).
 */
public final class OutageRetries {
    private OutageRetries() {}

    public static Guard untilDone(
            String what, Duration initialDelay, Duration maxDelay, Duration giveUpAfter, Logger log) {
        long initial = initialDelay.toMillis();
        return Guard.create()
                .withDescription(what)
                .withRetry()
                .maxRetries(-1)
                // 0: no limit in time either (MicroProfile's default would give up after 3 minutes)
                .maxDuration(giveUpAfter.toMillis(), ChronoUnit.MILLIS)
                .delay(initial, ChronoUnit.MILLIS)
                .jitter(initial / 2, ChronoUnit.MILLIS)
                .whenException(TransientFailure::isTransient)
                .beforeRetry(failure ->
                        log.warnf("%s: the database or broker is unavailable (%s), retrying", what, innermost(failure)))
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(maxDelay.toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
    }

    private static String innermost(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
