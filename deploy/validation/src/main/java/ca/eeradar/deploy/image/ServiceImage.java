package ca.eeradar.deploy.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A service's image as an OCI/Docker tarball, built by Jib without a Docker daemon: the Quarkus fast-jar
 * (target/quarkus-app) in four layers, least to most often changed, on a base image tarball. Runs as
 * user 185 with the same entry point and labels as Dockerfile.jvm.
 */
public final class ServiceImage {
    public static final String USER = "185:185";

    private ServiceImage() {
    }

    public record Spec(String service, int port, String version) {
        public String reference() {
            return "registry.example.com/ee-radar/" + service + ":" + version;
        }
    }

    public static Path build(Spec spec, Path quarkusApp, Path base, Path tarball, Path workDir) throws Exception {
        if (!Files.exists(quarkusApp.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(quarkusApp + "/quarkus-run.jar is missing: build the service first "
                    + "(./mvnw -B -ntp package -DskipTests -pl " + spec.service() + " -am)");
        }
        AbsoluteUnixPath deployments = AbsoluteUnixPath.get("/deployments");
        Files.createDirectories(tarball.getParent());
        Jib.from(TarImage.at(base).named("ee-radar/jre-base:17-local"))
                .setFormat(ImageFormat.Docker)
                .setFileEntriesLayers(List.of(
                        layer("dependencies", quarkusApp.resolve("lib"), deployments.resolve("lib")),
                        FileEntriesLayer.builder().setName("quarkus")
                                .addEntryRecursive(quarkusApp.resolve("quarkus"), deployments.resolve("quarkus"))
                                .addEntry(quarkusApp.resolve("quarkus-run.jar"), deployments.resolve("quarkus-run.jar"))
                                .build(),
                        layer("application", quarkusApp.resolve("app"), deployments.resolve("app"))))
                .setEntrypoint(LocalRuntimeBase.JAVA_HOME + "/bin/java", "-XX:MaxRAMPercentage=75",
                        "-XX:+ExitOnOutOfMemoryError", "-Dquarkus.http.host=0.0.0.0",
                        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                        "-jar", "/deployments/quarkus-run.jar")
                .setWorkingDirectory(deployments)
                .setUser(USER)
                .addExposedPort(Port.tcp(spec.port()))
                .addLabel("org.opencontainers.image.title", "ee-radar " + spec.service())
                .addLabel("org.opencontainers.image.version", spec.version())
                .addLabel("org.opencontainers.image.description",
                        "ee-radar: Express Entry rounds of invitations, event-driven")
                .addLabel("ca.eeradar.image.base", "local jlink runtime (CI build, not for release)")
                .containerize(Containerizer.to(TarImage.at(tarball).named(spec.reference()))
                        .setOfflineMode(true)
                        .setToolName("ee-radar-deploy-validation")
                        .setBaseImageLayersCache(workDir.resolve("jib-cache/base"))
                        .setApplicationLayersCache(workDir.resolve("jib-cache/app")));
        return tarball;
    }

    private static FileEntriesLayer layer(String name, Path source, AbsoluteUnixPath target) throws java.io.IOException {
        return FileEntriesLayer.builder().setName(name).addEntryRecursive(source, target).build();
    }
}
