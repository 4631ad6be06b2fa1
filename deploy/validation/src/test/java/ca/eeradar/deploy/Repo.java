package ca.eeradar.deploy;

import ca.eeradar.deploy.config.ConfigCatalog;
import ca.eeradar.deploy.config.QuarkusConfigModel;
import ca.eeradar.deploy.manifest.ManifestSource;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository under test and the catalog built once for all tests of this JVM. */
public final class Repo {
    public static final Path ROOT = root();
    public static final ManifestSource SOURCE = new ManifestSource(ROOT);
    private static ConfigCatalog catalog;

    private Repo() {
    }

    public static synchronized ConfigCatalog catalog() {
        if (catalog == null) {
            catalog = new ConfigCatalog(ROOT, QuarkusConfigModel.fromClasspath());
        }
        return catalog;
    }

    public static Path work() {
        return Path.of("target").toAbsolutePath();
    }

    private static Path root() {
        Path root = Path.of(System.getProperty("ee-radar.repo.root", "../..")).toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("deploy/k8s/base/kustomization.yaml"))) {
            throw new IllegalStateException("not the ee-radar repository: " + root);
        }
        return root;
    }
}
