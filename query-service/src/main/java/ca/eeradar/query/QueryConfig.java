package ca.eeradar.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Every setting of the query service ({@code ee-radar.query.*}), validated at start. */
@ConfigMapping(prefix = "ee-radar.query")
public interface QueryConfig {

    Page page();

    Cache cache();

    Rebuild rebuild();

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
}
