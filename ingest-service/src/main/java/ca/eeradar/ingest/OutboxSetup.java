package ca.eeradar.ingest;

import ca.eeradar.kit.outbox.OutboxSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** This service's outbox relay settings ({@code ee-radar.ingest.outbox.*}) for the shared outbox of service-kit. */
@ApplicationScoped
public class OutboxSetup {
    @Produces
    @Singleton
    OutboxSettings outboxSettings(IngestConfig config) {
        return OutboxSettings.of("ingest", config.outbox());
    }
}
