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
        return OutboxSettings.of("scoring", config.outbox());
    }
}
