package ca.eeradar.ingest;

import ca.eeradar.kit.outbox.OutboxConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/** Every setting of the ingest service ({@code ee-radar.ingest.*}), with its default. */
@ConfigMapping(prefix = "ee-radar.ingest")
public interface IngestConfig {

    Feed feed();

    OutboxConfig outbox();

    interface Feed {
        /**
         * Where the poller reads IRCC's rounds feed: http(s)://, file: or classpath:. The default is the copy
         * bundled in the jar, so a fresh stack loads every real round without internet access.
         */
        @WithDefault("classpath:feed/ee_rounds_123_en.json")
        @NotBlank
        String url();

        /** Whether the scheduled poller runs at all (the API ways in work regardless). */
        @WithDefault("true")
        boolean pollEnabled();

        /** Time between two successful polls. */
        @WithDefault("PT15M")
        Duration interval();

        /** Delay before the first poll after start. */
        @WithDefault("PT2S")
        Duration initialDelay();

        @WithDefault("PT5S")
        Duration connectTimeout();

        /** Time allowed for the whole response of one request. */
        @WithDefault("PT30S")
        Duration readTimeout();

        /** Wait after the first failed poll; doubled after each further failure up to maxBackoff. */
        @WithDefault("PT10S")
        Duration initialBackoff();

        @WithDefault("PT10M")
        Duration maxBackoff();

        /** A larger body is refused: the real feed is about 0.8 MB. */
        @WithDefault("20000000")
        @Min(1024)
        int maxBytes();
    }
}
