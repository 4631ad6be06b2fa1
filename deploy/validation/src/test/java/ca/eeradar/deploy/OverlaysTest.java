package ca.eeradar.deploy;

import ca.eeradar.deploy.check.DeployValidation;
import ca.eeradar.deploy.check.Scope;
import ca.eeradar.deploy.manifest.Finding;
import ca.eeradar.deploy.manifest.Manifest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both overlays render with kubectl kustomize, read strictly into typed models and pass every invariant. */
class OverlaysTest {

    @ParameterizedTest(name = "overlay {0}")
    @CsvSource({"dev, DEV", "prod, PROD"})
    void overlayRendersStrictlyAndKeepsEveryInvariant(String overlay, Scope scope) {
        List<Manifest> manifests = Repo.SOURCE.render(Repo.ROOT.resolve("deploy/k8s/overlays/" + overlay), Repo.work());

        List<Finding> findings = new DeployValidation(Repo.catalog()).validate(manifests, scope);

        assertEquals(List.of(), findings.stream().map(Finding::toString).toList(),
                () -> "overlay " + overlay + ":\n" + findings.stream().map(Finding::toString)
                        .collect(Collectors.joining("\n")));
        Map<String, Long> kinds = manifests.stream().collect(Collectors.groupingBy(Manifest::kind, Collectors.counting()));
        assertEquals(3L, kinds.get("Deployment"));
        assertEquals(17L, kinds.get("KafkaTopic"), "10 public (5 and their DLQs), 3 internal and 2 DLQs, 2 Streams changelogs");
        assertEquals(3L, kinds.get("KafkaUser"));
        assertEquals(1L, kinds.get("HorizontalPodAutoscaler"));
        assertTrue(manifests.stream().allMatch(m -> m.origin().startsWith("deploy/k8s/")),
                "every rendered document names its source file");
        if (scope == Scope.DEV) {
            assertEquals(3L, kinds.get("Cluster"), "one CloudNativePG cluster per service");
            assertEquals(1L, kinds.get("Kafka"));
            assertEquals(1L, kinds.get("KafkaNodePool"));
        } else {
            assertEquals(null, kinds.get("Cluster"), "production databases are external");
            assertEquals(null, kinds.get("Kafka"), "production uses the platform's Kafka cluster");
        }
    }
}
