package ca.eeradar.crs;

import java.util.Map;

/**
 * Inputs of the high-wage factor reported from 2026-11-03 (docs/crs-rules.md#high-wage). The tiers (1.3x,
 * 1.5x, 2x the national median wage) are known; the points per tier and the list of high-wage NOC
 * codes are NOT (the Ministerial Instructions were not found): they are operator configuration,
 * never numbers made up in code. Until every value is set, {@link #complete()} is false, those
 * points count as 0 and every score under the rule set carries a warning.
 *
 * @param canadianWorkPoints points for skilled Canadian work experience (1 year or more, last 10 years) in an
 *                           occupation of that tier, by tier
 * @param jobOfferPoints     points for a job offer in an occupation of that tier, by tier
 * @param occupations        NOC 2021 code -> tier (the published list of 186 codes); a code not listed earns nothing
 */
public record HighWageFactor(
        Map<HighWageTier, Integer> canadianWorkPoints,
        Map<HighWageTier, Integer> jobOfferPoints,
        Map<String, HighWageTier> occupations) {

    public static final HighWageFactor UNSET = new HighWageFactor(Map.of(), Map.of(), Map.of());

    public HighWageFactor {
        canadianWorkPoints = canadianWorkPoints == null ? Map.of() : Map.copyOf(canadianWorkPoints);
        jobOfferPoints = jobOfferPoints == null ? Map.of() : Map.copyOf(jobOfferPoints);
        occupations = occupations == null ? Map.of() : Map.copyOf(occupations);
    }

    public boolean complete() {
        for (HighWageTier tier : HighWageTier.values()) {
            if (tier != HighWageTier.NONE
                    && (!canadianWorkPoints.containsKey(tier) || !jobOfferPoints.containsKey(tier))) {
                return false;
            }
        }
        return !occupations.isEmpty();
    }

    public HighWageTier tierOf(String noc) {
        return noc == null ? HighWageTier.NONE : occupations.getOrDefault(noc, HighWageTier.NONE);
    }

    int canadianWorkPoints(HighWageTier tier) {
        return tier == HighWageTier.NONE ? 0 : canadianWorkPoints.getOrDefault(tier, 0);
    }

    int jobOfferPoints(HighWageTier tier) {
        return tier == HighWageTier.NONE ? 0 : jobOfferPoints.getOrDefault(tier, 0);
    }
}
