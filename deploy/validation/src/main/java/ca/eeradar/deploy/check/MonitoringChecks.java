package ca.eeradar.deploy.check;

import ca.eeradar.deploy.manifest.Finding;
import ca.eeradar.deploy.manifest.Manifest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alerts an operator can act on: every alert of a PrometheusRule has a severity, a summary and a
 * runbook entry that exists in docs/operations.md, and every metric an alert or the Grafana dashboard
 * reads is one the runbook's "Metrics" table lists (that table is what the end-to-end MetricsIT proves
 * the running services export), so an alert cannot watch a name nobody writes.
 */
public final class MonitoringChecks {
    /** A metric name in a PromQL expression: ours, or the Kafka Exporter's. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:eeradar|kafka)_[a-z0-9_]+)\\b");
    /** A metric of the runbook's table: a backquoted name in the first cell of a row. */
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\|\\s*`((?:eeradar|kafka)_[a-z0-9_]+)`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,4}\\s+(.+)$");
    private static final String RUNBOOK = "docs/operations.md#";
    private static final Set<String> SEVERITIES = Set.of("warning", "critical");

    private final Set<String> documentedMetrics;
    private final Set<String> anchors;

    /** @param operations the text of docs/operations.md */
    public MonitoringChecks(String operations) {
        documentedMetrics = all(TABLE_ROW, operations);
        anchors = new LinkedHashSet<>();
        for (String heading : all(HEADING, operations)) {
            anchors.add(anchor(heading));
        }
    }

    public Set<String> documentedMetrics() {
        return documentedMetrics;
    }

    public List<Finding> check(List<Manifest> manifests) {
        List<Finding> findings = new ArrayList<>();
        int alerts = 0;
        for (Manifest m : manifests) {
            if (m.is("PrometheusRule")) {
                for (JsonNode group : m.body().path("spec").path("groups")) {
                    for (JsonNode rule : group.path("rules")) {
                        alerts++;
                        checkAlert(m, rule, findings);
                    }
                }
            } else if (m.is("ConfigMap") && m.body().path("metadata").path("labels").has("grafana_dashboard")) {
                checkDashboard(m, findings);
            }
        }
        if (alerts == 0) {
            findings.add(new Finding("deploy/k8s", "PrometheusRule", "no alert is deployed"));
        }
        return findings;
    }

    private void checkAlert(Manifest m, JsonNode rule, List<Finding> findings) {
        String name = rule.path("alert").asText("(unnamed)");
        if (!SEVERITIES.contains(rule.path("labels").path("severity").asText())) {
            findings.add(Finding.of(m, name + ": severity label must be one of " + SEVERITIES));
        }
        if (rule.path("annotations").path("summary").asText().isBlank()) {
            findings.add(Finding.of(m, name + ": no summary annotation"));
        }
        String runbook = rule.path("annotations").path("runbook_url").asText();
        if (!runbook.startsWith(RUNBOOK) || !anchors.contains(runbook.substring(RUNBOOK.length()))) {
            findings.add(Finding.of(m, name + ": runbook_url '" + runbook + "' is not a heading of docs/operations.md"));
        }
        checkMetrics(m, name, rule.path("expr").asText(), findings);
    }

    private void checkDashboard(Manifest m, List<Finding> findings) {
        m.body().path("data").fields().forEachRemaining(file -> {
            try {
                JsonNode dashboard = new ObjectMapper().readTree(file.getValue().asText());
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        checkMetrics(
                                m, "panel '" + panel.path("title").asText() + "'", target.path("expr").asText(), findings);
                    }
                }
            } catch (IOException e) {
                findings.add(Finding.of(m, file.getKey() + " is not JSON: " + e.getMessage()));
            }
        });
    }

    private void checkMetrics(Manifest m, String what, String expr, List<Finding> findings) {
        Set<String> used = all(METRIC, expr);
        if (used.isEmpty()) {
            findings.add(Finding.of(m, what + ": its expression reads no known metric: " + expr));
        }
        for (String metric : used) {
            if (!documentedMetrics.contains(metric)) {
                findings.add(Finding.of(m, what + ": reads " + metric + ", not in the Metrics table of docs/operations.md"));
            }
        }
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        return heading.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
