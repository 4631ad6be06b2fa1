package ca.eeradar.deploy.compose;

import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.contracts.Topics;
import ca.eeradar.deploy.check.ScoringTopics;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml against the services' configuration, as the Kubernetes checks do: each service's
 * variables are properties it reads, local-only defaults are overridden, it waits for healthy
 * dependencies, has a health check, is built from its Dockerfile.jvm, and no image uses 'latest'; the
 * topic-creation script it mounts creates scoring's internal topics and Streams changelogs as deploy/k8s
 * declares them.
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
        topicScript(services, composeFile.toAbsolutePath().normalize().getParent(), file, findings);
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

    private static final Pattern ASSIGNMENT = Pattern.compile("^(\\w+)=(\\S+)$");
    private static final Pattern CREATE = Pattern.compile("^create (\\S+) (\\S+)((?: \\S+=\\S+)*)$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

    /**
     * The {@code create <topic> <partitions> <config>=<value>...} lines of the script a service mounts as
     * {@code create-topics.sh} (shell variables of the form {@code name=value} expanded): every internal
     * topic and Streams changelog with the partitions and settings of contracts and ScoringTopics.
     */
    @SuppressWarnings("unchecked")
    private void topicScript(Map<String, Object> services, Path composeDir, String file, List<Finding> findings) {
        Optional<Path> script = services.values().stream()
                .flatMap(s -> ((List<Object>) ((Map<String, Object>) s).getOrDefault("volumes", List.of())).stream())
                .map(String::valueOf).map(v -> v.split(":")[0]).filter(v -> v.endsWith("create-topics.sh"))
                .map(composeDir::resolve).map(Path::normalize).findFirst();
        if (script.isEmpty() || !Files.exists(script.get())) {
            findings.add(new Finding(file, "topics", "no service mounts an existing create-topics.sh: scoring's "
                    + "internal topics would not exist (broker auto-creation is off)"));
            return;
        }
        String where = repoRoot.relativize(script.get()).toString();
        Map<String, String> variables = new HashMap<>();
        Map<String, Topics.TopicSpec> created = new HashMap<>();
        String text;
        try {
            text = Files.readString(script.get()).replace("\\\n", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String raw : text.split("\n")) {
            String line = raw.trim().replaceAll(" +", " ");
            Matcher assignment = ASSIGNMENT.matcher(line);
            if (assignment.matches()) {
                variables.put(assignment.group(1), assignment.group(2));
                continue;
            }
            Matcher create = CREATE.matcher(expand(line, variables));
            if (create.matches()) {
                Map<String, String> configs = new TreeMap<>();
                for (String setting : create.group(3).trim().split(" ")) {
                    if (!setting.isEmpty()) {
                        configs.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
                    }
                }
                try {
                    created.put(create.group(1), new Topics.TopicSpec(create.group(1),
                            Integer.parseInt(create.group(2)), configs));
                } catch (NumberFormatException e) {
                    findings.add(new Finding(where, "topic " + create.group(1), "partitions '" + create.group(2)
                            + "' is not a number"));
                }
            }
        }
        Topics.TopicSpec profiles = created.get(InternalTopics.CANDIDATE_PROFILES);
        int profilePartitions = profiles == null ? InternalTopics.DEFAULT_PROFILE_PARTITIONS : profiles.partitions();
        for (Topics.TopicSpec spec : ScoringTopics.all(profilePartitions)) {
            Topics.TopicSpec made = created.get(spec.name());
            if (made == null) {
                findings.add(new Finding(where, "topic " + spec.name(), "not created (scoring-service's internal "
                        + "topics must exist before it starts, with their settings)"));
            } else if (made.partitions() != spec.partitions() || !made.configs().equals(new TreeMap<>(spec.configs()))) {
                findings.add(new Finding(where, "topic " + spec.name(), "created with " + made.partitions()
                        + " partitions and " + made.configs() + " but must have " + spec.partitions() + " and "
                        + new TreeMap<>(spec.configs())));
            }
        }
    }

    private static String expand(String line, Map<String, String> variables) {
        Matcher variable = VARIABLE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(out, Matcher.quoteReplacement(
                    variables.getOrDefault(variable.group(1), variable.group())));
        }
        variable.appendTail(out);
        return out.toString();
    }
}
