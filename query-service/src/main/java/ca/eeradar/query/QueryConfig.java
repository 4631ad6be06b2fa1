package ca.eeradar.query;

import ca.eeradar.kit.deadletters.DeadLetterConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/** Every setting of the query service ({@code ee-radar.query.*}), validated at start. */
@ConfigMapping(prefix = "ee-radar.query")
public interface QueryConfig {

    Page page();

    Cache cache();

    Rebuild rebuild();

    Projection projection();

    /** Listing and redriving the dead letters of the projections (README "Dead letters"). */
    DeadLetterConfig deadLetters();

    interface Page {
        /** Items per page when the client gives no {@code limit}. */
        @WithDefault("20")
        @Min(1)
        @Max(1000)
        int defaultLimit();

        /** A larger {@code limit} is capped to this (not refused): a mobile client may ask for "all". */
        @WithDefault("100")
        @Min(1)
        @Max(1000)
        int maxLimit();
    }

    interface Cache {
        /** {@code Cache-Control: max-age} of draw and pool answers (they change a few times a week). */
        @WithDefault("PT60S")
        Duration maxAge();

        /** Serialized answers kept in memory between two read-model changes; over this the cache starts over. */
        @WithDefault("10000")
        @Min(0)
        int maxEntries();
    }

    interface Rebuild {
        /** How long one poll of the replay waits for records. */
        @WithDefault("PT1S")
        Duration pollTimeout();

        /**
         * The replay gives up after this. Keep it below the channels'
         * {@code throttled.unprocessed-record-max-age.ms}: live consumers wait while a rebuild runs.
         */
        @WithDefault("PT4M")
        Duration timeout();
    }

    interface Projection {
        /**
         * How a write to the read model (or a dead letter to the broker) that failed because the database
         * or the broker is unavailable or busy is retried: with exponential backoff, without a limit in
         * count on the live channels, within {@code rebuild.timeout} in a rebuild. A record that fails for
         * any other reason is dead-lettered at once.
         */
        Retry retry();
    }

    interface Retry {
        /** The wait before the first retry; each next wait doubles, up to {@link #maxDelay()}. */
        @WithDefault("PT0.2S")
        @DurationMin(millis = 10)
        @DurationMax(seconds = 10)
        Duration initialDelay();

        /**
         * The longest wait between two attempts: how late the projection notices that the database is
         * back. Kept far below the channels' {@code throttled.unprocessed-record-max-age.ms} (5 min), since
         * records wait in the channel while it retries.
         */
        @WithDefault("PT15S")
        @DurationMin(millis = 100)
        @DurationMax(minutes = 1)
        Duration maxDelay();
    }
}
