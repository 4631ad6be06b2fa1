package ca.eeradar.query.projection;

import ca.eeradar.kit.faults.OutageRetries;
import ca.eeradar.kit.faults.TransientFailure;
import ca.eeradar.query.QueryConfig;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs work again while it fails only because the read model's database or the broker is unavailable
 * or busy ({@link TransientFailure}): a SmallRye Fault Tolerance retry with exponential backoff
 * ({@code ee-radar.query.projection.retry.*}). Any other failure is thrown at once, so a record that
 * can never be applied still reaches its DLQ right away.
 *
 * <p>The live channels wait as long as the outage lasts: a good record dead-lettered during an outage
 * would be a fact missing from the read model (a round answering 404) until someone redrives it.
 * Each attempt is itself bounded (the pool's acquisition timeout and the driver's connect and socket
 * timeouts in application.properties), so a retry never hangs on a dead connection. A rebuild waits at
 * most its own timeout and then fails as a whole, since it holds the live channels back meanwhile.
 */
@ApplicationScoped
public class OutageRetry {
    private static final Logger LOG = Logger.getLogger(OutageRetry.class);

    @Inject
    QueryConfig config;

    private Guard live;
    private Guard rebuild;

    @PostConstruct
    void build() {
        live = guard("live projection", Duration.ZERO);
        rebuild = guard("rebuild", config.rebuild().timeout());
    }

    /** {@code work}'s result, after as many attempts as the outage takes. */
    public <T> T untilDone(Supplier<T> work, Class<T> type) {
        return live.get(work, type);
    }

    /** {@code work}'s result; a transient failure still there after {@code rebuild.timeout} is thrown. */
    public <T> T withinRebuild(Supplier<T> work, Class<T> type) {
        return rebuild.get(work, type);
    }

    private Guard guard(String what, Duration giveUpAfter) {
        QueryConfig.Retry settings = config.projection().retry();
        return OutageRetries.untilDone(
                "read model writes, " + what, settings.initialDelay(), settings.maxDelay(), giveUpAfter, LOG);
    }
}
