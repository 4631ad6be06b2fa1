package ca.eeradar.localinfra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Prints ready-to-use bearer tokens for the local stack as shell assignments (tokens.env),
 * generating the key pair under the given folder on first use. Usage: {@code TokenMain KEY_DIR [DAYS]}.
 */
public final class TokenMain {
    private TokenMain() {}

    public static void main(String[] args) {
        JwtKeys keys = JwtKeys.inDirectory(Path.of(args[0]));
        Duration lifetime = Duration.ofDays(args.length > 1 ? Long.parseLong(args[1]) : 30);
        System.out.println("EE_RADAR_ADMIN_TOKEN="
                + keys.token("local-admin", List.of("draw-admin", "profile-writer", "reader"), lifetime));
        System.out.println(
                "EE_RADAR_WRITER_TOKEN=" + keys.token("local-writer", List.of("profile-writer", "reader"), lifetime));
        System.out.println("EE_RADAR_READER_TOKEN=" + keys.token("local-reader", List.of("reader"), lifetime));
    }
}
