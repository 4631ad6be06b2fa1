package ca.eeradar.deploy;

import ca.eeradar.deploy.check.DeployValidation;
import ca.eeradar.deploy.check.Scope;
import ca.eeradar.deploy.manifest.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Manifests broken on purpose (src/test/resources/fixtures/broken) make the validation fail with a
 * message naming the file and the problem; the same resources unbroken pass.
 */
class BrokenManifestsTest {
    private static final String FIXTURES = "deploy/validation/src/test/resources/fixtures/";

    private static List<Finding> validate(String fixture) {
        return new DeployValidation(Repo.catalog())
                .validate(Repo.SOURCE.read(Repo.ROOT.resolve(FIXTURES + fixture)), Scope.FRAGMENT);
    }

    @Test
    void theUnbrokenResourcesPass() {
        List<Finding> findings = validate("good/ingest-service.yaml");
        assertEquals(List.of(), findings.stream().map(Finding::toString).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            typo-field.yaml         | Deployment ingest-service | unknown field 'readOnlyRootFileSystem' at spec.template.spec.containers[0].securityContext
            missing-probe.yaml      | Deployment ingest-service | container 'ingest-service': missing startupProbe (expected httpGet /q/health/started)
            unknown-env.yaml        | Deployment ingest-service | environment variable KAFKA_BOOTSTRAP_SERVER is not a configuration property ingest-service reads
            unknown-config-key.yaml | ConfigMap ingest-service-config | environment variable EE_RADAR_INGEST_POLL_EVERY is not a configuration property ingest-service reads
            latest-tag.yaml         | Deployment ingest-service | image 'registry.example.com/ee-radar/ingest-service:latest' uses the tag 'latest'
            topic-typo.yaml         | KafkaTopic express-entry.draws | unknown field 'partition' at spec
            insecure.yaml           | Deployment ingest-service | securityContext.capabilities.drop must contain ALL
            insecure.yaml           | Deployment ingest-service | no writable /tmp
            network-policy.yaml     | NetworkPolicy ingest-service | egress[0] (applies to ingest-service): reaches database cluster scoring-db, not its own (ingest-db)
            network-policy.yaml     | NetworkPolicy ingest-service | egress[2] (applies to ingest-service): allows egress to anywhere
            internal-topics.yaml    | KafkaTopic scoring.evaluation-requests | partitions 6 but scoring.candidate-profiles has 12: the two must have the same count
            internal-topics.yaml    | KafkaTopic scoring.evaluation-requests | partitions 6 but contracts InternalTopics.java says 12
            internal-topics.yaml    | KafkaUser query-service | acls[0]: topic ACL 'scoring.candidate-profiles' reaches scoring-service's internal topics
            internal-topics.yaml    | KafkaUser query-service | acls[1]: topic ACL 'scoring' reaches scoring-service's internal topics
            """)
    void aBrokenManifestFailsNamingTheFileAndTheProblem(String fixture, String resource, String problem) {
        List<Finding> findings = validate("broken/" + fixture);

        String file = FIXTURES + "broken/" + fixture;
        assertTrue(findings.stream().anyMatch(f -> f.file().equals(file) && f.resource().equals(resource)
                        && f.problem().contains(problem)),
                () -> "expected '" + file + ": " + resource + ": ..." + problem + "' among:\n"
                        + findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
        assertTrue(findings.stream().allMatch(f -> f.toString().startsWith(file + ": ")),
                "every message starts with the file it is about");
    }

    @Test
    void aFileThatIsNotInTheRepositoryIsNamedByItsPath() {
        Path outside = Repo.ROOT.resolve(FIXTURES + "broken/missing-probe.yaml");
        assertTrue(Repo.SOURCE.read(outside).stream().allMatch(m -> m.origin().equals(FIXTURES + "broken/missing-probe.yaml")));
    }
}
