package ca.eeradar.kit.outbox;

import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * The outbox settings group of a publishing service's {@code @ConfigMapping}
 * ({@code ee-radar.<service>.outbox.*}): declared once here, so every service's relay has the same
 * properties, defaults and limits.
 */
public interface OutboxConfig {
    /** Whether this instance publishes the outbox (one relay of the cluster publishes at a time: an advisory lock). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for unpublished rows when no commit woke it up (it then drains them all). */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** Rows published per database transaction. */
    @WithDefault("500")
    @Min(1)
    @Max(10000)
    int batchSize();

    /** Producer delivery.timeout.ms: how long a record may wait for the broker before the batch is retried later. */
    @WithDefault("PT30S")
    Duration deliveryTimeout();

    /** Producer request.timeout.ms (kept below deliveryTimeout). */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** Producer max.block.ms: how long a send may wait for metadata of a broker that is down. */
    @WithDefault("PT10S")
    Duration maxBlock();
}
