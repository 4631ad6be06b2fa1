package ca.eeradar.localinfra;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child JVM that prints a ready line on stdout and exits when its stdin closes. The parent keeps
 * the stdin pipe open and never writes: when the parent dies (even {@code kill -9}) the OS closes
 * the pipe and the child shuts its server down, so no broker or postmaster is left behind.
 */
final class ChildJvm {
    private final String name;
    private final Process process;

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    static ChildJvm start(
            String name,
            String classpathResource,
            String mainClass,
            List<String> args,
            List<String> jvmOptions,
            Path logFile,
            String readyPrefix,
            Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath(classpathResource));
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            Process process = pb.start();
            CompletableFuture<String> ready = new CompletableFuture<>();
            Thread pump = new Thread(() -> pump(process, logFile, readyPrefix, ready), name + "-stdout");
            pump.setDaemon(true);
            pump.start();
            try {
                ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " not ready within " + timeout + "; see " + logFile);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " failed to start: " + e.getMessage() + "; see " + logFile, e);
            }
            return new ChildJvm(name, process);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    private static void pump(Process process, Path logFile, String readyPrefix, CompletableFuture<String> ready) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer log = Files.newBufferedWriter(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                if (line.startsWith(readyPrefix)) {
                    ready.complete(line);
                }
            }
        } catch (IOException ignored) {
            // the child is gone; its log says why
        }
        ready.completeExceptionally(new IllegalStateException("exited with code " + exitCode(process)));
    }

    private static String exitCode(Process process) {
        try {
            return String.valueOf(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** Closes stdin (the child's signal to stop), then waits; forcibly kills after the grace period. */
    void stop(Duration grace) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /**
     * The classpath of a child: the jar (or classes folder) holding the resource, plus the
     * dependency list Maven wrote into that resource at build time.
     */
    static String classpath(String resource) {
        URL url = ChildJvm.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("resource " + resource + " not found: build local-infra first");
        }
        try {
            String own;
            String deps;
            if ("jar".equals(url.getProtocol())) {
                String path = url.getPath();
                own = new File(new URL(path.substring(0, path.indexOf("!/"))).toURI()).getPath();
            } else {
                Path file = Path.of(url.toURI());
                own = file.getParent().getParent().toString();
            }
            try (var in = url.openStream()) {
                deps = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            return own + File.pathSeparator + deps;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
