package ca.eeradar.scoring.score;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Optional;

/**
 * Values of the CRS rule sets that are not published yet ({@code ee-radar.scoring.crs.*}). The
 * 2026-11-03 high-wage factor's points and occupation list are UNCONFIRMED (CRS-REFERENCE §2.1):
 * an operator fills them in from the Ministerial Instructions; until every one is set, scores on or
 * after 2026-11-03 count no high-wage points and say so in their warnings.
 */
@ConfigMapping(prefix = "ee-radar.scoring.crs")
public interface CrsConfig {

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
