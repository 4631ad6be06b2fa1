package ca.eeradar.deploy.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JRE base image built offline from what the machine already has, for CI where no registry (so no
 * eclipse-temurin or UBI base) can be pulled: a {@code jlink}ed Java runtime from the running JDK's jmods,
 * the shared libraries it links against (found with {@code ldd}), and an /etc/passwd naming the
 * non-root user 185. Release images use a maintained base from a registry instead (deploy/README.md).
 */
public final class LocalRuntimeBase {
    /**
     * What a Quarkus service needs of the JDK (REST, JDBC, Kafka with SCRAM/TLS, JMX metrics, JFR),
     * chosen by hand because jdeps cannot read every dependency jar.
     */
    static final List<String> MODULES = List.of("java.base", "java.compiler", "java.desktop", "java.instrument",
            "java.logging", "java.management", "java.naming", "java.net.http", "java.prefs", "java.rmi",
            "java.scripting", "java.security.jgss", "java.security.sasl", "java.sql", "java.transaction.xa",
            "java.xml", "jdk.charsets", "jdk.crypto.cryptoki", "jdk.crypto.ec", "jdk.jfr", "jdk.management",
            "jdk.naming.dns", "jdk.net", "jdk.unsupported", "jdk.zipfs");
    public static final String JAVA_HOME = "/opt/java";
    private static final Pattern LDD_PATH = Pattern.compile("(/\\S+)\\s+\\(0x");

    private LocalRuntimeBase() {
    }

    /** Builds (once per work directory) the base image tarball and returns it. */
    public static Path build(Path javaHome, Path workDir) throws Exception {
        Path tarball = workDir.resolve("ee-radar-jre-base.tar");
        if (Files.exists(tarball)) {
            return tarball;
        }
        Path jmods = javaHome.resolve("jmods");
        if (!Files.isDirectory(jmods)) {
            throw new IllegalStateException("no jmods in " + javaHome + ": jlink needs a full JDK (set JAVA_HOME)");
        }
        Path runtime = workDir.resolve("jre");
        if (!Files.exists(runtime.resolve("bin/java"))) {
            run(List.of(javaHome.resolve("bin/jlink").toString(), "--module-path", jmods.toString(),
                    "--add-modules", String.join(",", MODULES), "--strip-debug", "--no-header-files",
                    "--no-man-pages", "--compress=2", "--output", runtime.toString()));
        }
        FileEntriesLayer.Builder libs = FileEntriesLayer.builder().setName("system libraries");
        for (String library : sharedLibraries(runtime)) {
            // A symlink (libc.so.6 -> libc-2.36.so) is stored as the real file under the linked name.
            libs.addEntry(Path.of(library).toRealPath(), AbsoluteUnixPath.get(library), FilePermissions.fromOctalString("755"));
        }
        Path etc = Files.createDirectories(workDir.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
                + "app:x:185:185:ee-radar:/deployments:/sbin/nologin\n", StandardCharsets.US_ASCII);
        Files.writeString(etc.resolve("group"), "root:x:0:\napp:x:185:\n", StandardCharsets.US_ASCII);
        Path emptyDir = Files.createDirectories(workDir.resolve("empty"));
        FileEntriesLayer system = FileEntriesLayer.builder().setName("users and /tmp")
                .addEntry(etc.resolve("passwd"), AbsoluteUnixPath.get("/etc/passwd"))
                .addEntry(etc.resolve("group"), AbsoluteUnixPath.get("/etc/group"))
                // Jib takes no sticky bit; in Kubernetes and Compose /tmp is an emptyDir / tmpfs mount anyway.
                .addEntry(emptyDir, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"))
                .build();
        FileEntriesLayer jre = FileEntriesLayer.builder().setName("java runtime")
                .addEntryRecursive(runtime, AbsoluteUnixPath.get(JAVA_HOME), (source, target) ->
                        Files.isDirectory(source) || source.getParent().endsWith("bin")
                                || source.getFileName().toString().equals("jspawnhelper")
                                ? FilePermissions.fromOctalString("755") : FilePermissions.fromOctalString("644"))
                .build();
        Jib.fromScratch()
                .setFormat(ImageFormat.Docker)
                .setFileEntriesLayers(libs.build(), system, jre)
                .setEnvironment(Map.of("JAVA_HOME", JAVA_HOME, "PATH", JAVA_HOME + "/bin:/usr/bin:/bin", "LANG", "C.UTF-8"))
                .containerize(Containerizer.to(TarImage.at(tarball).named("ee-radar/jre-base:17-local"))
                        .setOfflineMode(true)
                        .setToolName("ee-radar-deploy-validation")
                        .setBaseImageLayersCache(workDir.resolve("jib-cache/base"))
                        .setApplicationLayersCache(workDir.resolve("jib-cache/app")));
        return tarball;
    }

    /** The ELF interpreter and every library of the runtime's executables and .so files, by ldd. */
    private static TreeSet<String> sharedLibraries(Path runtime) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ldd", runtime.resolve("bin/java").toString()));
        try (var files = Files.walk(runtime.resolve("lib"))) {
            files.filter(f -> f.toString().endsWith(".so")).forEach(f -> command.add(f.toString()));
        }
        TreeSet<String> libraries = new TreeSet<>();
        Matcher m = LDD_PATH.matcher(run(command));
        while (m.find()) {
            if (!m.group(1).startsWith(runtime.toString())) {
                libraries.add(m.group(1));
            }
        }
        if (libraries.stream().noneMatch(l -> l.contains("libc.so"))) {
            throw new IllegalStateException("ldd found no libc for " + runtime);
        }
        return libraries;
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
