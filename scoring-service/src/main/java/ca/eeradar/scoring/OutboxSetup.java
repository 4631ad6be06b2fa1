package ca.eeradar.scoring;

import ca.eeradar.kit.outbox.OutboxSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** This service's outbox relay settings ({@code ee-radar.scoring.outbox.*}) for the shared outbox of service-kit. */
@ApplicationScoped
public class OutboxSetup {
    @Produces
    @Singleton
    OutboxSettings outboxSettings(ScoringConfig config) {
        ScoringConfig.Outbox o = config.outbox();
        return new OutboxSettings(
                "scoring",
                o.relayEnabled(),
                o.pollInterval(),
                o.batchSize(),
                o.deliveryTimeout(),
                o.requestTimeout(),
                o.maxBlock());
    }
}
