package ca.eeradar.query.projection;

import ca.eeradar.contracts.Topics;
import ca.eeradar.kit.deadletters.DeadLetterSettings;
import ca.eeradar.query.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The DLQs of the four projections, listed and redriven with {@code ee-radar.query.dead-letters.*}. */
@ApplicationScoped
public class DeadLetterSetup {
    @Produces
    @Singleton
    DeadLetterSettings deadLetterSettings(QueryConfig config) {
        return new DeadLetterSettings(
                List.of(Topics.DRAWS, Topics.INVITATION_LIKELY, Topics.CANDIDATE_SCORES, Topics.DRAW_EVALUATIONS),
                config.deadLetters().redriveMaxRecords(),
                config.deadLetters().readTimeout());
    }
}
