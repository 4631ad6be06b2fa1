package ca.eeradar.scoring;

import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.contracts.Topics;
import ca.eeradar.kit.deadletters.DeadLetterSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The DLQs scoring-service lists and redrives: the draws consumer's and the evaluation topology's
 * (its sources with a DLQ), with {@code ee-radar.scoring.dead-letters.*}.
 */
@ApplicationScoped
public class DeadLetterSetup {
    @Produces
    @Singleton
    DeadLetterSettings deadLetterSettings(ScoringConfig config) {
        List<String> topics = new ArrayList<>(List.of(Topics.DRAWS));
        topics.addAll(InternalTopics.DEAD_LETTERED);
        return new DeadLetterSettings(
                List.copyOf(topics),
                config.deadLetters().redriveMaxRecords(),
                config.deadLetters().readTimeout());
    }
}
