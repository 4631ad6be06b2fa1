package ca.eeradar.scoring.evaluation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The evaluation's health as the alerts of docs/operations.md read it: whether this replica's Kafka
 * Streams client is running, how long rounds take, and how often a stream thread fails. Registered at
 * start-up, so a replica that never ran a round still exports every series (at 0).
 */
@Startup
@ApplicationScoped
public class EvaluationMeters {
    private final Timer rounds;
    private final Counter threadFailures;

    EvaluationMeters(MeterRegistry registry, Instance<KafkaStreams> streams) {
        rounds = Timer.builder("eeradar.scoring.evaluation.round")
                .description("From a round reaching scoring to its last partition's summary (DrawEvaluated.durationMs)")
                .register(registry);
        threadFailures = Counter.builder("eeradar.scoring.evaluation.thread.failures")
                .description("Evaluation stream threads that failed and were replaced")
                .register(registry);
        Gauge.builder("eeradar.scoring.evaluation.running", streams, EvaluationMeters::running)
                .description("1 while this replica's Kafka Streams client is RUNNING, else 0")
                .register(registry);
    }

    void roundEvaluated(Duration duration) {
        rounds.record(duration);
    }

    void threadReplaced() {
        threadFailures.increment();
    }

    private static double running(Instance<KafkaStreams> streams) {
        try {
            return streams.isResolvable() && streams.get().state() == KafkaStreams.State.RUNNING ? 1 : 0;
        } catch (RuntimeException notStartedYet) {
            return 0;
        }
    }
}
