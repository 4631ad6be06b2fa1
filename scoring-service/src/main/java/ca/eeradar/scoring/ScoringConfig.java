package ca.eeradar.scoring;

import ca.eeradar.kit.deadletters.DeadLetterConfig;
import ca.eeradar.kit.outbox.OutboxConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Every setting of scoring-service: profile store and import, draw evaluation, outbox, CRS values not yet published ({@code ee-radar.scoring.*}). */
@ConfigMapping(prefix = "ee-radar.scoring")
public interface ScoringConfig {

    /** IRCC runs Express Entry on Ottawa time: "today", birthdays and the daily re-score use this zone. */
    @WithDefault("Canada/Eastern")
    ZoneId zone();

    Evaluation evaluation();

    OutboxConfig outbox();

    /** Listing and redriving the dead letters of what this service consumes (README "Dead letters"). */
    DeadLetterConfig deadLetters();

    /** The internal profile topic the evaluation's pools are built from. */
    ProfileTopic profileTopic();

    Rescore rescore();

    Forecast forecast();

    ProfileImport profileImport();

    Crs crs();

    interface Evaluation {
        /** Rows fetched per round trip by the streaming scan of the profile table. */
        @WithDefault("4000")
        @Min(100)
        @Max(100000)
        int fetchSize();

        /** Profiles handed to one parse+assess task. */
        @WithDefault("1000")
        @Min(1)
        @Max(100000)
        int batchSize();

        /** Threads parsing and assessing profiles; 0 = the number of available processors. */
        @WithDefault("0")
        @Min(0)
        @Max(64)
        int parallelism();

        /**
         * Rounds older than this (by draw date, against today) are stored for the backtest but not
         * evaluated: replaying the whole history of express-entry.draws on a first start must not
         * notify every candidate about rounds held years ago.
         */
        @WithDefault("P30D")
        Duration maxDrawAge();

        /**
         * Most pool slots (about profiles) one evaluation request judges: the task holding a partition cuts a round
         * into as many slices as its pool needs (EvaluationRequest#slicesFor). A stream thread's exactly-once
         * transaction spans one slice per task it holds, and must end within the transaction timeout.
         */
        @WithDefault("131072")
        @Min(4096) // one block of PoolJudge: smaller slices would only add empty ones
        @Max(16777216)
        int sliceSize();

        /** First wait before retrying an evaluation after a database or broker failure (doubles up to retry-max-backoff). */
        @WithDefault("PT1S")
        Duration retryBackoff();

        @WithDefault("PT30S")
        Duration retryMaxBackoff();

        Producer producer();
    }

    /** The dedicated producer of InvitationLikely events (bulk output of one evaluation). */
    /** The service's own producers (outbox relay, round fan-out); the evaluation's is Kafka Streams'. */
    interface Producer {
        /** Must stay below the draws channel's throttled.unprocessed-record-max-age.ms. */
        @WithDefault("120000")
        @Min(30000)
        int deliveryTimeoutMs();
    }

    interface ProfileTopic {
        /** The key new profile records are encrypted with. */
        @WithDefault(BUILT_IN_KEY_ID)
        @NotBlank
        String activeKeyId();

        /**
         * Key id to a base64-encoded 32-byte AES key; every key still named by a record must stay here.
         * application.properties holds the built-in key, for the local stack and tests only.
         */
        java.util.Map<String, String> keys();

        /** false in deploy/: the service refuses to start while the built-in key is active. */
        @WithDefault("true")
        boolean allowBuiltInKey();

        /** How long a round's fan-out waits for the outbox to publish the profiles committed before it arrived. */
        @WithDefault("PT2M")
        Duration publishWait();
    }

    /** The id of the key application.properties carries in the clear: local runs and tests only, never a deployment. */
    String BUILT_IN_KEY_ID = "local-dev";

    interface Rescore {
        /** Daily re-score of every stored profile (birthdays, expiries, new rule sets), in {@link #zone()}. */
        @WithDefault("true")
        boolean enabled();

        /** Quartz-style cron, read by the scheduler as {@code {ee-radar.scoring.rescore.cron}}. */
        @WithDefault("0 5 0 * * ?")
        @NotBlank
        String cron();
    }

    /** Stored candidates' invitation forecasts (docs/forecast.md, "Stored candidates"). */
    interface Forecast {
        /** Whether forecasts are recomputed and published (after rounds, profile writes and daily). */
        @WithDefault("true")
        boolean enabled();

        /** Daily recomputation for everyone, Quartz-style cron in Ottawa time: after the re-score (00:05). */
        @WithDefault("0 30 0 * * ?")
        @NotBlank
        String cron();

        /**
         * How long after a round the recomputation for everyone waits for more rounds: a replay of the round
         * history (first start) or a round and its correction make one run, not one per round.
         */
        @WithDefault("PT5S")
        Duration settleTime();
    }

    /** {@code POST /api/v1/profile-imports}. */
    interface ProfileImport {
        /**
         * Most items one import may carry (more: 413). One import is one transaction holding a row
         * lock and an outbox row per item; a client with more profiles sends several imports.
         */
        @WithDefault("1000")
        @Min(1)
        @Max(10000)
        int maxItems();
    }

    /**
     * Values of the CRS rule sets that are not published yet ({@code ee-radar.scoring.crs.*}). The
     * 2026-11-03 high-wage factor's points and occupation list are UNCONFIRMED (docs/crs-rules.md, "The 2026-11-03 high-wage factor"):
     * an operator fills them in from the Ministerial Instructions; until every one is set, scores on or
     * after 2026-11-03 count no high-wage points and say so in their warnings.
     */
    interface Crs {
        HighWage highWage();

        interface HighWage {
            /** Points for skilled Canadian work experience in an occupation of each tier. */
            Tiers canadianWork();

            /** Points for a job offer in an occupation of each tier. */
            Tiers jobOffer();

            /** NOC 2021 codes (5 digits) of each tier: the published list of high-wage occupations. */
            Occupations occupations();
        }

        interface Tiers {
            /** Occupations with a median wage of at least 1.3x the national median. */
            Optional<@Min(0) @Max(600) Integer> tier13();

            /** At least 1.5x. */
            Optional<@Min(0) @Max(600) Integer> tier15();

            /** At least 2x. */
            Optional<@Min(0) @Max(600) Integer> tier2();
        }

        interface Occupations {
            Optional<List<String>> tier13();

            Optional<List<String>> tier15();

            Optional<List<String>> tier2();
        }
    }
}
