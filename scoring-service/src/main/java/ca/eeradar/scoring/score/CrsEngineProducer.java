package ca.eeradar.scoring.score;

import ca.eeradar.crs.CrsEngine;
import ca.eeradar.crs.HighWageFactor;
import ca.eeradar.crs.HighWageTier;
import ca.eeradar.crs.ProfileValidator;
import ca.eeradar.crs.RuleBook;
import ca.eeradar.scoring.ScoringConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one CRS engine of the service (stateless, thread-safe), built from the official rules and {@link ScoringConfig.Crs}. */
public class CrsEngineProducer {

    @Produces
    @Singleton
    CrsEngine crsEngine(ScoringConfig config) {
        return new CrsEngine(RuleBook.official(highWage(config.crs().highWage())));
    }

    @Produces
    @Singleton
    ProfileValidator profileValidator() {
        return new ProfileValidator();
    }

    static HighWageFactor highWage(ScoringConfig.Crs.HighWage config) {
        return new HighWageFactor(
                points(config.canadianWork()), points(config.jobOffer()), occupations(config.occupations()));
    }

    private static Map<HighWageTier, Integer> points(ScoringConfig.Crs.Tiers tiers) {
        Map<HighWageTier, Integer> points = new EnumMap<>(HighWageTier.class);
        tiers.tier13().ifPresent(p -> points.put(HighWageTier.X1_3, p));
        tiers.tier15().ifPresent(p -> points.put(HighWageTier.X1_5, p));
        tiers.tier2().ifPresent(p -> points.put(HighWageTier.X2, p));
        return points;
    }

    private static Map<String, HighWageTier> occupations(ScoringConfig.Crs.Occupations occupations) {
        Map<String, HighWageTier> map = new HashMap<>();
        put(map, occupations.tier13(), HighWageTier.X1_3);
        put(map, occupations.tier15(), HighWageTier.X1_5);
        put(map, occupations.tier2(), HighWageTier.X2);
        return map;
    }

    private static void put(Map<String, HighWageTier> map, Optional<List<String>> codes, HighWageTier tier) {
        codes.ifPresent(list -> list.forEach(code -> map.put(code.trim(), tier)));
    }
}
