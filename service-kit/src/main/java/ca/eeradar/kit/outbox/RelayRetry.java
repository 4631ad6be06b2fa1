package ca.eeradar.kit.outbox;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The relay's retries, through SmallRye Fault Tolerance: a database or broker outage is waited out with
 * exponential backoff (0.2 s doubling to 30 s), without a limit in count; after 10 minutes of failures the
 * relay's loop logs once and starts again, so an operator sees it in the log as well as in the metrics.
 */
@ApplicationScoped
public class RelayRetry {
    @Retry(
            maxRetries = -1,
            delay = 200,
            delayUnit = ChronoUnit.MILLIS,
            jitter = 100,
            maxDuration = 10,
            durationUnit = ChronoUnit.MINUTES)
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public int untilPublished(IntSupplier relay) {
        return relay.getAsInt();
    }
}
