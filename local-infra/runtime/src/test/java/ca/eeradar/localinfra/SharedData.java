package ca.eeradar.localinfra;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the read-only domain reference folder {@code shared/} that sits beside the repository
 * (as {@code ../shared} from the repository root), from whatever module folder a test runs in.
 * A missing folder fails the test loudly: a test must never skip silently.
 */
public final class SharedData {
    private SharedData() {}

    public static Path path(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared").resolve(relative);
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("shared/" + relative
                + " not found beside the repository (expected ../shared from the "
                + "repository root, as in CI); working directory " + Path.of("").toAbsolutePath());
    }
}
