package ca.eeradar.deploy;

import ca.eeradar.deploy.image.LocalRuntimeBase;
import ca.eeradar.deploy.image.ServiceImage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds ingest-service's image tarball with Jib, without a Docker daemon or a registry, and checks its
 * configuration (user, entry point, port, labels, layers); then unpacks it and runs its entry point as
 * user 185 in a chroot, proving the layers hold a working runtime and application. Needs ingest-service built first (CI builds
 * everything before; scripts/validate-deploy.sh sets -Dee-radar.image.required=true so a missing
 * build fails instead of skipping).
 */
class ServiceImageTest {
    private static final ServiceImage.Spec INGEST = new ServiceImage.Spec("ingest-service", 8081, "0.1.0");

    @Test
    void ingestServiceImageTarballHasTheExpectedConfigAndARunnableJava() throws Exception {
        Path app = Repo.ROOT.resolve("ingest-service/target/quarkus-app");
        boolean required = Boolean.getBoolean("ee-radar.image.required");
        if (!Files.exists(app.resolve("quarkus-run.jar"))) {
            if (required) {
                throw new AssertionError(app + "/quarkus-run.jar is missing: build ingest-service first");
            }
            Assumptions.abort("ingest-service is not built (" + app + "); run with -Dee-radar.image.required=true to fail");
        }
        Path work = Path.of(System.getProperty("ee-radar.image.output", "target/images")).toAbsolutePath();
        Files.createDirectories(work);
        Path base = LocalRuntimeBase.build(Path.of(System.getProperty("java.home")), work);
        Path tarball = ServiceImage.build(INGEST, app, base, work.resolve("ingest-service.tar"), work);

        Path unpacked = fresh(work.resolve("unpacked"));
        run(List.of("tar", "-xf", tarball.toString(), "-C", unpacked.toString()));
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(unpacked.resolve("manifest.json").toFile()).get(0);
        assertEquals(INGEST.reference(), manifest.path("RepoTags").get(0).asText());
        JsonNode config = json.readTree(unpacked.resolve(manifest.path("Config").asText()).toFile()).path("config");

        assertEquals(ServiceImage.USER, config.path("User").asText(), "runs as the non-root user 185");
        assertEquals(List.of("/opt/java/bin/java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError",
                        "-Dquarkus.http.host=0.0.0.0", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                        "-jar", "/deployments/quarkus-run.jar"),
                json.convertValue(config.path("Entrypoint"), List.class));
        assertTrue(config.path("ExposedPorts").has("8081/tcp"), config::toString);
        assertEquals("ee-radar ingest-service", config.path("Labels").path("org.opencontainers.image.title").asText());
        assertEquals("0.1.0", config.path("Labels").path("org.opencontainers.image.version").asText());
        assertEquals("/deployments", config.path("WorkingDir").asText());
        // 3 base layers (libraries, users + /tmp, JRE) + dependencies, Quarkus, application.
        assertEquals(6, manifest.path("Layers").size(), manifest::toString);

        Path rootfs = fresh(work.resolve("rootfs"));
        for (JsonNode layer : manifest.path("Layers")) {
            run(List.of("tar", "-xzf", unpacked.resolve(layer.asText()).toString(), "-C", rootfs.toString()));
        }
        assertTrue(Files.exists(rootfs.resolve("deployments/quarkus-run.jar")));
        assertTrue(Files.isDirectory(rootfs.resolve("deployments/lib/main")));
        // Run the image's own user and entry point in a chroot of the unpacked layers (a private mount and
        // PID namespace gives it the /proc the dynamic loader needs). Root is needed for chroot; CI has it.
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "the image config is checked; running it in a chroot needs root");
        Files.createDirectories(rootfs.resolve("proc"));
        List<String> inImage = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork",
                "--mount-proc=" + rootfs.resolve("proc"), "/usr/bin/env", "-i",
                // Nothing listens on port 1 of the loopback: the service must get as far as its database.
                "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:1/ee_radar_ingest",
                "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1", "QUARKUS_HTTP_PORT=0", "EE_RADAR_INGEST_FEED_POLL_ENABLED=false",
                "/usr/sbin/chroot", "--userspec=" + ServiceImage.USER, rootfs.toString()));
        String version = run(concat(inImage, List.of("/opt/java/bin/java", "-XshowSettings:properties", "-version")), 0);
        assertTrue(version.contains("user.name = app") && version.contains("java.version = 17"), version);

        List<String> entrypoint = json.convertValue(config.path("Entrypoint"), List.class);
        String boot = run(concat(inImage, entrypoint), 1);
        assertTrue(boot.contains("Unable to obtain connection from database")
                && boot.contains("Connection to 127.0.0.1:1 refused"), "the service starts from the image's layers "
                + "and stops only for want of a database:\n" + boot);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static String run(List<String> command) throws Exception {
        return run(command, 0);
    }

    private static String run(List<String> command, int expectedExit) throws Exception {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "timed out: " + command);
        assertEquals(expectedExit, process.exitValue(), () -> String.join(" ", command) + ":\n" + out);
        return out;
    }
}
