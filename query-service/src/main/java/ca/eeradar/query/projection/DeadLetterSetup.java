package ca.eeradar.query.projection;

import ca.eeradar.kit.deadletters.DeadLetterSettings;
import ca.eeradar.query.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The DLQs of the projections (ProjectionConsumers.TOPICS), listed and redriven with {@code ee-radar.query.dead-letters.*}. */
@ApplicationScoped
public class DeadLetterSetup {
    @Produces
    @Singleton
    DeadLetterSettings deadLetterSettings(QueryConfig config) {
        return new DeadLetterSettings(
                ProjectionConsumers.TOPICS,
                config.deadLetters().redriveMaxRecords(),
                config.deadLetters().readTimeout());
    }
}
