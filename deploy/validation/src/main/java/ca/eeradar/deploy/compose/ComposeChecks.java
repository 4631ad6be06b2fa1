package ca.eeradar.deploy.compose;

import ca.eeradar.deploy.config.ConfigCatalog;
import ca.eeradar.deploy.config.EnvNames;
import ca.eeradar.deploy.config.ServiceConfig;
import ca.eeradar.deploy.manifest.Finding;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * docker-compose.yml against the services' configuration, as the Kubernetes checks do: each service's
 * variables are properties it reads, local-only defaults are overridden, it waits for healthy
 * dependencies, has a health check, is built from its Dockerfile.jvm, and no image uses 'latest'.
 * (`docker-compose config -q`, run by scripts/validate-deploy.sh, checks the file's syntax.)
 */
public final class ComposeChecks {
    private static final List<String> LOCAL_ONLY = List.of("127.0.0.1", "localhost", "file:.ee-radar");

    private final ConfigCatalog catalog;
    private final Path repoRoot;

    public ComposeChecks(ConfigCatalog catalog, Path repoRoot) {
        this.catalog = catalog;
        this.repoRoot = repoRoot;
    }

    @SuppressWarnings("unchecked")
    public List<Finding> check(Path composeFile) {
        String file = repoRoot.relativize(composeFile.toAbsolutePath().normalize()).toString();
        Map<String, Object> compose;
        try {
            // SnakeYAML resolves the anchors and << merge keys Compose files use.
            compose = new Yaml(new LoaderOptions()).load(Files.readString(composeFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, Object> services = (Map<String, Object>) compose.getOrDefault("services", Map.of());
        services.forEach((name, raw) -> {
            Map<String, Object> service = (Map<String, Object>) raw;
            String where = "service " + name;
            Object image = service.get("image");
            if (image != null && (!image.toString().contains(":") || image.toString().endsWith(":latest"))) {
                findings.add(new Finding(file, where, "image '" + image + "' must have a version tag (not latest)"));
            }
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof List<?>) {
                findings.add(new Finding(file, where, "depends_on must use condition: service_healthy "
                        + "(or service_completed_successfully for one-shot steps)"));
            } else if (dependsOn instanceof Map<?, ?> deps) {
                deps.forEach((dep, cond) -> {
                    Object condition = cond instanceof Map<?, ?> c ? c.get("condition") : null;
                    if (!"service_healthy".equals(condition) && !"service_completed_successfully".equals(condition)) {
                        findings.add(new Finding(file, where, "depends_on " + dep + " has condition " + condition
                                + ", not service_healthy"));
                    }
                });
            }
            if (!ConfigCatalog.SERVICES.contains(name)) {
                return;
            }
            if (!service.containsKey("healthcheck")) {
                findings.add(new Finding(file, where, "has no healthcheck"));
            }
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            Path dockerfile = build == null ? null
                    : repoRoot.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile")));
            if (dockerfile == null || !Files.exists(dockerfile)
                    || !dockerfile.endsWith(Path.of(name, "src/main/docker/Dockerfile.jvm"))) {
                findings.add(new Finding(file, where, "must be built from " + name + "/src/main/docker/Dockerfile.jvm"));
            }
            Map<String, Object> env = environment(service.get("environment"));
            env.keySet().forEach(variable -> {
                if (catalog.resolve(name, variable).isEmpty()) {
                    findings.add(new Finding(file, where, "environment variable " + variable + " is not a configuration "
                            + "property " + name + " reads"));
                }
            });
            ServiceConfig config = catalog.service(name).orElseThrow();
            config.properties().forEach((property, value) -> {
                if (LOCAL_ONLY.stream().anyMatch(value::contains) && !env.containsKey(EnvNames.of(property))) {
                    findings.add(new Finding(file, where, "property " + property + " defaults to '" + value
                            + "', which does not work in a container: set " + EnvNames.of(property)));
                }
            });
        });
        for (String service : ConfigCatalog.SERVICES) {
            if (!services.containsKey(service)) {
                findings.add(new Finding(file, "service " + service, "missing"));
            }
        }
        return findings;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Object env) {
        if (env instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        if (env instanceof List<?> list) {
            for (Object entry : list) {
                String s = String.valueOf(entry);
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return out;
    }
}
