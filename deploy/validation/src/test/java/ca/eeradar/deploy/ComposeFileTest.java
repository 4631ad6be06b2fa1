package ca.eeradar.deploy;

import ca.eeradar.deploy.compose.ComposeChecks;
import ca.eeradar.deploy.manifest.Finding;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docker-compose.yml sets only what the services read, overrides local defaults and waits for health. */
class ComposeFileTest {

    @Test
    void composeFileMatchesTheServicesConfiguration() {
        List<Finding> findings = new ComposeChecks(Repo.catalog(), Repo.ROOT).check(Repo.ROOT.resolve("docker-compose.yml"));
        assertEquals(List.of(), findings.stream().map(Finding::toString).toList());
    }

    @Test
    void aBrokenComposeFileIsReportedWithItsProblems() throws Exception {
        Path broken = Repo.ROOT.resolve("deploy/validation/src/test/resources/fixtures/broken/docker-compose.yml");
        List<String> findings = new ComposeChecks(Repo.catalog(), Repo.ROOT).check(broken).stream()
                .map(Finding::toString).toList();
        String file = "deploy/validation/src/test/resources/fixtures/broken/docker-compose.yml";
        assertTrue(Files.exists(broken));
        assertTrue(findings.contains(file + ": service query-service: environment variable QUARKUS_DATASOURCE_URL is "
                + "not a configuration property query-service reads"), findings::toString);
        assertTrue(findings.contains(file + ": service query-service: depends_on postgres has condition "
                + "service_started, not service_healthy"), findings::toString);
        assertTrue(findings.contains(file + ": service query-service: property quarkus.datasource.jdbc.url defaults to "
                + "'jdbc:postgresql://127.0.0.1:15432/ee_radar_query', which does not work in a container: set "
                + "QUARKUS_DATASOURCE_JDBC_URL"), findings::toString);
        assertTrue(findings.contains(file + ": service ingest-service: missing"), findings::toString);
    }
}
