package ca.eeradar.deploy.manifest;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads manifests from a YAML file, or renders a Kustomize directory with {@code kubectl kustomize}. */
public final class ManifestSource {
    private static final String ORIGIN = "config.kubernetes.io/origin";
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final Path repoRoot;

    public ManifestSource(Path repoRoot) {
        this.repoRoot = repoRoot.toAbsolutePath().normalize();
    }

    public Path repoRoot() {
        return repoRoot;
    }

    /** Every document of a YAML file; a duplicate key is a parse error, as the API server would reject it. */
    public List<Manifest> read(Path file) {
        try {
            return parse(Files.readString(file), relative(file.toAbsolutePath().normalize()), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Renders a Kustomize directory. The directory is wrapped in a throw-away kustomization with
     * {@code buildMetadata: [originAnnotations]} so every rendered document names the file it came from
     * (kustomize refuses absolute paths, so the wrapper lives under {@code workDir} inside the repository).
     * A missing kubectl is an error, never a skip: CI must not pass without rendering.
     */
    public List<Manifest> render(Path kustomization, Path workDir) {
        Path target = kustomization.toAbsolutePath().normalize();
        try {
            Path wrapper = Files.createDirectories(workDir.toAbsolutePath().normalize()
                    .resolve("kustomize-" + target.getFileName()));
            String resource = wrapper.relativize(target).toString().replace('\\', '/');
            Files.writeString(wrapper.resolve("kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                    + "kind: Kustomization\nresources:\n  - " + resource + "\nbuildMetadata: [originAnnotations]\n");
            String rendered = run(List.of(kubectl(), "kustomize", wrapper.toString()));
            return parse(rendered, relative(target), wrapper);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + target, e);
        }
    }

    /** kubectl from KUBECTL or the PATH; fails with a clear message when there is none. */
    public static String kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("kubectl is not installed (not on PATH, KUBECTL unset): the Kustomize overlays "
                + "cannot be rendered. Install kubectl (it bundles kustomize) on the CI machine.");
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        process.getOutputStream().close();
        byte[] err;
        String out;
        try (var stdout = process.getInputStream(); var stderr = process.getErrorStream()) {
            var errReader = new java.io.ByteArrayOutputStream();
            Thread drain = new Thread(() -> {
                try {
                    stderr.transferTo(errReader);
                } catch (IOException ignored) {
                    // the exit code tells
                }
            }, "kubectl-stderr");
            drain.start();
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            drain.join(TimeUnit.SECONDS.toMillis(60));
            err = errReader.toByteArray();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
                    + new String(err, StandardCharsets.UTF_8).strip());
        }
        return out;
    }

    private List<Manifest> parse(String yaml, String defaultOrigin, Path wrapper) throws IOException {
        List<Manifest> manifests = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            var docs = YAML.readValues(parser, JsonNode.class);
            while (docs.hasNextValue()) {
                JsonNode doc = docs.nextValue();
                if (doc == null || doc.isNull() || doc.isMissingNode() || (doc.isObject() && doc.isEmpty())) {
                    continue;
                }
                manifests.add(new Manifest(origin(doc, defaultOrigin, wrapper), doc));
            }
        }
        return manifests;
    }

    private String origin(JsonNode doc, String defaultOrigin, Path wrapper) {
        JsonNode annotations = doc.path("metadata").path("annotations");
        if (wrapper == null || !annotations.has(ORIGIN)) {
            return defaultOrigin;
        }
        String origin = annotations.get(ORIGIN).asText();
        ((ObjectNode) annotations).remove(ORIGIN);
        if (annotations.isEmpty()) {
            ((ObjectNode) doc.get("metadata")).remove("annotations");
        }
        for (String line : origin.split("\n")) {
            if (line.startsWith("path:")) {
                return relative(wrapper.resolve(line.substring(5).trim()).normalize());
            }
        }
        return defaultOrigin;
    }

    private String relative(Path file) {
        return file.startsWith(repoRoot) ? repoRoot.relativize(file).toString().replace('\\', '/') : file.toString();
    }
}
