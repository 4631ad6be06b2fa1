package ca.eeradar.deploy.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What one service declares: the keys of its {@code application.properties} (the values that apply in
 * a container: no profile or {@code %prod}) and the properties of its {@code @ConfigMapping} interfaces.
 */
public record ServiceConfig(String name, Map<String, String> properties, Map<String, String> declaredKeys,
                            List<ConfigMappingSource.Declared> mapped) {

    public static ServiceConfig read(Path repoRoot, String service) {
        Path dir = repoRoot.resolve(service);
        Path file = dir.resolve("src/main/resources/application.properties");
        Map<String, String> applied = new LinkedHashMap<>();
        Map<String, String> declared = new LinkedHashMap<>();
        if (Files.exists(file)) {
            Properties raw = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                raw.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String key : raw.stringPropertyNames()) {
                String bare = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
                declared.put(EnvNames.of(bare), bare);
                if (!key.startsWith("%") || key.startsWith("%prod.")) {
                    applied.merge(bare, raw.getProperty(key), (plain, prod) -> key.startsWith("%prod.") ? prod : plain);
                }
            }
        }
        return new ServiceConfig(service, applied, declared, ConfigMappingSource.scan(
                dir.resolve("src/main/java"), repoRoot.resolve("service-kit/src/main/java")));
    }

    public boolean exists(Path repoRoot) {
        return Files.isDirectory(repoRoot.resolve(name));
    }
}
