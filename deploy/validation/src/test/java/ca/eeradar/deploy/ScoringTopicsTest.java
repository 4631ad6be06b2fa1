package ca.eeradar.deploy;

import ca.eeradar.deploy.check.ScoringTopics;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The changelogs deploy/ declares follow scoring's topology: every store it builds with
 * {@code Stores.*KeyValueStore(NAME)} (logged, as Streams' stores are unless told otherwise) is one of
 * {@link ScoringTopics#LOGGED_STORES}, so a new or renamed store fails here before Streams, lacking the
 * right to create its changelog, fails in the cluster.
 */
class ScoringTopicsTest {
    private static final String TOPOLOGY =
            "scoring-service/src/main/java/ca/eeradar/scoring/evaluation/EvaluationTopology.java";

    @Test
    void everyLoggedStoreOfTheTopologyHasItsChangelog() throws Exception {
        String source = Files.readString(Repo.ROOT.resolve(TOPOLOGY));
        Map<String, String> constants = new HashMap<>();
        Matcher constant = Pattern.compile("static final String (\\w+) = \"([^\"]+)\";").matcher(source);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        Set<String> stores = new TreeSet<>();
        Matcher store = Pattern.compile("Stores\\.\\w+KeyValueStore\\((\\w+)\\)").matcher(source);
        while (store.find()) {
            stores.add(constants.getOrDefault(store.group(1), store.group(1)));
        }

        assertEquals(new TreeSet<>(ScoringTopics.LOGGED_STORES.keySet()), stores,
                "the logged stores of " + TOPOLOGY + " (their changelogs must be KafkaTopics in "
                        + "deploy/k8s/base/kafka/internal-topics.yaml and topics of deploy/docker/create-topics.sh)");
        assertEquals(-1, source.indexOf("withLoggingDisabled"), "a store without a changelog: update ScoringTopics");
    }
}
