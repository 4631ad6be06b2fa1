package ca.eeradar.kit.outbox;

import java.time.Duration;

/**
 * How a service runs its outbox relay, from the service's own configuration ({@code ee-radar.<service>.outbox.*}):
 * each service produces one bean of this type.
 *
 * @param service         the service's short name: client id {@code <service>-outbox-relay}, metrics {@code eeradar.<service>.outbox.*}
 * @param relayEnabled    whether this instance publishes (an instance may only write)
 * @param pollInterval    how often the relay looks for rows when no commit woke it up
 * @param batchSize       rows published per database transaction
 * @param deliveryTimeout the producer's delivery.timeout.ms: how long a record may wait for the broker
 * @param requestTimeout  the producer's request.timeout.ms (kept below deliveryTimeout)
 * @param maxBlock        the producer's max.block.ms: how long a send may wait for metadata of a broker that is down
 */
public record OutboxSettings(
        String service,
        boolean relayEnabled,
        Duration pollInterval,
        int batchSize,
        Duration deliveryTimeout,
        Duration requestTimeout,
        Duration maxBlock) {

    /** The settings of {@code service}'s relay, from its {@code ee-radar.<service>.outbox.*} group. */
    public static OutboxSettings of(String service, OutboxConfig config) {
        return new OutboxSettings(
                service,
                config.relayEnabled(),
                config.pollInterval(),
                config.batchSize(),
                config.deliveryTimeout(),
                config.requestTimeout(),
                config.maxBlock());
    }
}
