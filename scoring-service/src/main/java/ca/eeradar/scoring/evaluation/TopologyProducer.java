package ca.eeradar.scoring.evaluation;

import ca.eeradar.scoring.ScoringConfig;
import ca.eeradar.scoring.pool.ProfileRecords;
import ca.eeradar.scoring.profiles.Scorer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.apache.kafka.streams.Topology;
import org.jboss.logging.Logger;

/** Hands the evaluation topology to the Kafka Streams extension, which runs it (settings: application.properties). */
@ApplicationScoped
public class TopologyProducer {
    private static final Logger LOG = Logger.getLogger(TopologyProducer.class);

    /** Singleton, not ApplicationScoped: KafkaStreams reads the Topology's fields, which a client proxy would not have. */
    @Produces
    @Singleton
    Topology topology(
            Scorer scorer, ScoringConfig config, ProfileRecords records, Clock clock, EvaluationMeters meters) {
        Topology topology = EvaluationTopology.build(
                scorer.engine(),
                config.zone(),
                records,
                clock,
                config.evaluation().sliceSize(),
                meters::roundEvaluated);
        LOG.debugf("evaluation topology:%n%s", topology.describe());
        return topology;
    }
}
