package ca.eeradar.kit.deadletters;

import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * The dead-letter settings group of a consuming service's {@code @ConfigMapping}
 * ({@code ee-radar.<service>.dead-letters.*}): declared once here, so every service has the same
 * defaults and limits.
 */
public interface DeadLetterConfig {
    /** Most records one redrive re-publishes; an answer with {@code more: true} asks for another call. */
    @WithDefault("1000")
    @Min(1)
    @Max(100000)
    int redriveMaxRecords();

    /** How long a listing or a redrive's selection may read one DLQ before it answers with what it read. */
    @WithDefault("PT30S")
    @DurationMin(seconds = 1)
    @DurationMax(minutes = 5)
    Duration readTimeout();
}
