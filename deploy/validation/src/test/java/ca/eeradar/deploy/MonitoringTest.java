package ca.eeradar.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.deploy.check.MonitoringChecks;
import ca.eeradar.deploy.manifest.Finding;
import ca.eeradar.deploy.manifest.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alerts and the dashboard read only documented metrics and point at runbook entries that exist. */
class MonitoringTest {

    @Test
    void everyAlertHasARunbookEntryAndReadsOnlyDocumentedMetrics() throws IOException {
        List<Manifest> manifests = Repo.SOURCE.render(Repo.ROOT.resolve("deploy/k8s/overlays/prod"), Repo.work());
        MonitoringChecks checks = new MonitoringChecks(Files.readString(Repo.ROOT.resolve("docs/operations.md")));

        List<Finding> findings = checks.check(manifests);

        assertEquals(List.of(), findings.stream().map(Finding::toString).toList());
        assertEquals(10, manifests.stream().filter(m -> m.is("PrometheusRule"))
                .mapToInt(m -> m.body().path("spec").path("groups").findValues("alert").size()).sum());
        assertTrue(checks.documentedMetrics().contains("eeradar_dead_letters_total"));
    }

    @Test
    void anAlertOnAnUndocumentedMetricOrAMissingRunbookEntryFails() throws IOException {
        List<Manifest> manifests = Repo.SOURCE.render(Repo.ROOT.resolve("deploy/k8s/overlays/prod"), Repo.work());
        String operations = Files.readString(Repo.ROOT.resolve("docs/operations.md"))
                .replace("| `eeradar_scoring_evaluation_running`", "| scoring evaluation running")
                .replace("## Dead letters", "## Poison");

        List<String> findings = new MonitoringChecks(operations).check(manifests).stream()
                .map(Finding::toString).toList();

        assertTrue(findings.stream().anyMatch(f -> f.contains("EeRadarEvaluationNotRunning: reads eeradar_scoring_evaluation_running")),
                findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.contains("panel 'Draw evaluation running (1) per scoring pod'")),
                findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.contains("EeRadarDeadLetters: runbook_url 'docs/operations.md#dead-letters'")),
                findings::toString);
    }
}
