package ca.eeradar.deploy;

import ca.eeradar.deploy.check.DeployValidation;
import ca.eeradar.deploy.check.Scope;
import ca.eeradar.deploy.manifest.Finding;
import ca.eeradar.deploy.manifest.Manifest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production overlay with one thing broken that scoring's Kafka Streams evaluation relies on (the
 * checks that need the whole overlay: ACLs, standbys, co-partitioning): the validation names it.
 */
class ScoringStreamsChecksTest {
    private static List<Manifest> prod;

    @BeforeAll
    static void render() {
        prod = Repo.SOURCE.render(Repo.ROOT.resolve("deploy/k8s/overlays/prod"), Repo.work());
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                Arguments.of("no standby replicas in prod", edit("ConfigMap", "scoring-service-config",
                                d -> data(d).remove("KAFKA_STREAMS_NUM_STANDBY_REPLICAS")),
                        "production needs KAFKA_STREAMS_NUM_STANDBY_REPLICAS >= 1"),
                Arguments.of("one replica", edit("Deployment", "scoring-service",
                                d -> ((ObjectNode) d.path("spec")).put("replicas", 1)),
                        "production runs at least 2 replicas"),
                Arguments.of("Streams without TLS", edit("ConfigMap", "scoring-service-config",
                                d -> data(d).remove("QUARKUS_KAFKA_STREAMS_SECURITY_PROTOCOL")),
                        "KAFKA_SECURITY_PROTOCOL is set but not QUARKUS_KAFKA_STREAMS_SECURITY_PROTOCOL"),
                Arguments.of("Streams without credentials", edit("Deployment", "scoring-service",
                                d -> removeEnv(d, "QUARKUS_KAFKA_STREAMS_SASL_JAAS_CONFIG")),
                        "KAFKA_SASL_JAAS_CONFIG is set but not QUARKUS_KAFKA_STREAMS_SASL_JAAS_CONFIG"),
                Arguments.of("built-in key allowed", edit("ConfigMap", "scoring-service-config",
                                d -> data(d).put("EE_RADAR_SCORING_PROFILE_TOPIC_ALLOW_BUILT_IN_KEY", "true")),
                        "EE_RADAR_SCORING_PROFILE_TOPIC_ALLOW_BUILT_IN_KEY must be \"false\""),
                Arguments.of("key file not on a Secret", edit("ConfigMap", "scoring-service-config",
                                d -> data(d).put("QUARKUS_CONFIG_LOCATIONS", "file:/tmp/profile-topic.properties")),
                        "the profile topic's keys must come from a Secret"),
                Arguments.of("undeclared kafka-streams property", edit("ConfigMap", "scoring-service-config",
                                d -> data(d).put("KAFKA_STREAMS_NUM_STREAM_THREAD", "2")),
                        "environment variable KAFKA_STREAMS_NUM_STREAM_THREAD is not a configuration property"),
                Arguments.of("no time to close", edit("Deployment", "scoring-service",
                                d -> ((ObjectNode) d.path("spec").path("template").path("spec"))
                                        .put("terminationGracePeriodSeconds", 130)),
                        "must leave Kafka Streams 30s to close"),
                Arguments.of("readiness on liveness", edit("Deployment", "scoring-service",
                                d -> ((ObjectNode) d.path("spec").path("template").path("spec").path("containers").get(0)
                                        .path("readinessProbe").path("httpGet")).put("path", "/q/health/live")),
                        "readinessProbe must be an httpGet on /q/health/ready"),
                Arguments.of("no transactional ids", edit("KafkaUser", "scoring-service",
                                d -> removeAcl(d, "transactionalId")),
                        "missing ACL"),
                Arguments.of("query-service reads profiles", edit("KafkaUser", "query-service",
                                d -> ((ArrayNode) d.path("spec").path("authorization").path("acls")).addObject()
                                        .<ObjectNode>set("resource", d.objectNode().put("type", "topic")
                                                .put("name", "scoring.").put("patternType", "prefix"))
                                        .set("operations", d.arrayNode().add("Read"))),
                        "reaches scoring-service's internal topics"),
                Arguments.of("changelog partitions", edit("KafkaTopic", "scoring-service-evaluation-round-progress-changelog",
                                d -> ((ObjectNode) d.path("spec")).put("partitions", 12)),
                        "partitions 12 but scoring.partition-summaries has 3"),
                Arguments.of("requests not co-partitioned", edit("KafkaTopic", "scoring.evaluation-requests",
                                d -> ((ObjectNode) d.path("spec")).put("partitions", 24)),
                        "partitions 24 but scoring.candidate-profiles has 12"),
                Arguments.of("internal label missing", edit("KafkaTopic", "scoring.partition-summaries",
                                d -> ((ObjectNode) d.path("metadata").path("labels")).remove("ee-radar/visibility")),
                        "must carry the label ee-radar/visibility: internal"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void aBrokenProductionOverlayIsReported(String what, Consumer<List<Manifest>> breakage, String expected) {
        List<Manifest> broken = prod.stream().map(m -> new Manifest(m.origin(), m.body().deepCopy())).toList();
        breakage.accept(broken);

        List<Finding> findings = new DeployValidation(Repo.catalog()).validate(broken, Scope.PROD);

        assertTrue(findings.stream().anyMatch(f -> f.problem().contains(expected)), () -> what + ": expected '"
                + expected + "' among:\n" + findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
    }

    private static Consumer<List<Manifest>> edit(String kind, String name, Consumer<ObjectNode> change) {
        return manifests -> {
            Manifest target = manifests.stream().filter(m -> m.is(kind) && m.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the prod overlay"));
            change.accept(target.object());
        };
    }

    private static ObjectNode data(ObjectNode configMap) {
        return (ObjectNode) configMap.path("data");
    }

    private static void removeEnv(ObjectNode deployment, String name) {
        ArrayNode env = (ArrayNode) deployment.path("spec").path("template").path("spec").path("containers").get(0)
                .path("env");
        for (int i = env.size() - 1; i >= 0; i--) {
            if (name.equals(env.get(i).path("name").asText())) {
                env.remove(i);
            }
        }
    }

    private static void removeAcl(ObjectNode user, String type) {
        ArrayNode acls = (ArrayNode) user.path("spec").path("authorization").path("acls");
        for (int i = acls.size() - 1; i >= 0; i--) {
            JsonNode resource = acls.get(i).path("resource");
            if (type.equals(resource.path("type").asText())) {
                acls.remove(i);
            }
        }
    }
}
