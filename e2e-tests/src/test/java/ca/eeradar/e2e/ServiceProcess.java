package ca.eeradar.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One ee-radar service run as a separate process from its built {@code quarkus-run.jar}, with
 * production-like configuration given through environment variables.
 *
 * <p>The JVM is started by a small shell guard that reads its standard input: when this test JVM
 * dies (even {@code kill -9}) the pipe closes and the guard stops the service, so a failed or
 * killed build leaves no service behind.
 */
final class ServiceProcess {
    /**
     * Stops the service when this JVM's pipe closes: SIGTERM, then SIGKILL after 30 s. The broker may be
     * stopped at the same moment, and Kafka Streams' close then waits for it without end: a service must
     * never outlive the test run.
     */
    private static final String GUARD =
            "\"$@\" & pid=$!; echo \"SERVICE-PID $pid\"; cat >/dev/null; kill $pid 2>/dev/null;"
                    + " for i in $(seq 1 30); do kill -0 $pid 2>/dev/null || { wait $pid; exit; }; sleep 1; done;"
                    + " kill -9 $pid 2>/dev/null; wait $pid";

    private final String name;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private Process guard;
    private long servicePid = -1;

    ServiceProcess(String name, int port, Map<String, String> env, Path logDir) {
        this(name, name, port, env, logDir);
    }

    /** {@code instance}: the name of its log, where one service runs as several processes. */
    ServiceProcess(String name, String instance, int port, Map<String, String> env, Path logDir) {
        this.name = name;
        this.port = port;
        this.env = new HashMap<>(env);
        this.env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        this.log = logDir.resolve(instance + ".log");
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    synchronized ServiceProcess start() {
        servicePid = -1;
        Path jar = E2eStack.repo().resolve(name + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: the services are built before this module");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                "bash", "-c", GUARD, "guard", java, "-Xmx" + heap(), "-XX:+UseSerialGC", "-jar", jar.toString());
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            guard = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        return this;
    }

    private String heap() {
        return name.startsWith("scoring") ? "1g" : "384m";
    }

    /** Waits until /q/health/ready answers UP; fails with the log's tail otherwise. */
    ServiceProcess awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (guard == null || !guard.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up:\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                guard.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail());
    }

    /** Started and not stopped or killed since. */
    synchronized boolean running() {
        return guard != null && guard.isAlive();
    }

    /** Graceful stop: the guard sends SIGTERM and waits for the service to finish. */
    synchronized void stop() {
        if (guard == null) {
            return;
        }
        try {
            OutputStream stdin = guard.getOutputStream();
            stdin.close();
        } catch (IOException ignored) {
            // already closed
        }
        try {
            if (!guard.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        guard = null;
    }

    /** Crash: SIGKILL to the service JVM, as a node failure would. */
    synchronized void kill() {
        long pid = servicePid();
        if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        if (guard != null) {
            guard.destroyForcibly();
            try {
                guard.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        guard = null;
    }

    private long servicePid() {
        if (servicePid > 0) {
            return servicePid;
        }
        try {
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith("SERVICE-PID ")) {
                    servicePid = Long.parseLong(
                            line.substring("SERVICE-PID ".length()).trim());
                }
            }
        } catch (IOException ignored) {
            // no log yet
        }
        return servicePid;
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
