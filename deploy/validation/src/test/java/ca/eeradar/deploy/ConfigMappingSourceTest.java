package ca.eeradar.deploy;

import ca.eeradar.deploy.config.ConfigMappingSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The @ConfigMapping reader finds every property, its environment variable and whether it must be set. */
class ConfigMappingSourceTest {

    @Test
    void readsPropertiesDefaultsAndGroupsFromSource() {
        Map<String, ConfigMappingSource.Declared> declared = ConfigMappingSource
                .scan(Repo.ROOT.resolve("deploy/validation/src/test/resources/fixtures/config-mapping")).stream()
                .collect(Collectors.toMap(ConfigMappingSource.Declared::property, d -> d));

        assertEquals(Map.of(
                "ee-radar.example.feed-url", false,
                "ee-radar.example.api-key", true,
                "ee-radar.example.tier13", false,
                "ee-radar.example.poll-every", false,
                "ee-radar.example.retry.attempts", false,
                "ee-radar.example.retry.codes", true,
                "ee-radar.example.limits.*.per-second", true,
                "ee-radar.example.keys.*", false,
                "ee-radar.example.top", false),
                declared.values().stream().collect(Collectors.toMap(ConfigMappingSource.Declared::property,
                        ConfigMappingSource.Declared::required)));
        assertTrue(declared.get("ee-radar.example.feed-url").envPattern().matcher("EE_RADAR_EXAMPLE_FEED_URL").matches());
        assertTrue(declared.get("ee-radar.example.limits.*.per-second").envPattern()
                .matcher("EE_RADAR_EXAMPLE_LIMITS_MOBILE_API_PER_SECOND").matches());
    }

    @Test
    void readsTheServicesOwnMappings() {
        var scoring = ConfigMappingSource.scan(Repo.ROOT.resolve("scoring-service/src/main/java"));
        assertTrue(scoring.stream().anyMatch(d -> d.property().startsWith("ee-radar.scoring.")),
                "scoring-service declares ee-radar.scoring.* properties: " + scoring);
    }
}
