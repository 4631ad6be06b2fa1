package ca.eeradar.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.crs.CrsEngine;
import ca.eeradar.scoring.pool.ProfileCipher;
import ca.eeradar.scoring.pool.ProfileRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/topology.md prints the topology as Kafka Streams describes it: this fails when the two part. */
class TopologyDocumentedTest {

    @Test
    void docsShowTheTopologyAsItIs() throws Exception {
        String described = EvaluationTopology.build(
                        CrsEngine.withOfficialRules(),
                        ZoneId.of("Canada/Eastern"),
                        new ProfileRecords(new ProfileCipher(
                                "k", Map.of("k", Base64.getEncoder().encodeToString(new byte[32])))),
                        Clock.systemUTC(),
                        131_072,
                        roundTime -> {})
                .describe()
                .toString()
                .strip();
        String doc = Files.readString(Path.of("..", "docs", "topology.md"));
        int start = doc.indexOf("```text\n") + "```text\n".length();
        String documented = doc.substring(start, doc.indexOf("```", start)).strip();
        assertEquals(described, documented, "docs/topology.md: paste the description above into its text block");
    }
}
