package ca.eeradar.localinfra;

import java.time.Duration;
import java.util.List;

/** Bearer tokens for tests, signed by a key pair generated once per test JVM. */
public final class TestTokens {
    public static final String ADMIN = "draw-admin";
    public static final String WRITER = "profile-writer";
    public static final String READER = "reader";

    private static JwtKeys keys;

    private TestTokens() {}

    public static synchronized JwtKeys keys() {
        if (keys == null) {
            keys = JwtKeys.inDirectory(LocalInfra.shared().root().resolve("jwt"));
        }
        return keys;
    }

    /** "Bearer ..." for a test user holding {@code roles}. */
    public static String bearer(String... roles) {
        return "Bearer " + keys().token("test-user", List.of(roles), Duration.ofHours(2));
    }

    /** "Bearer ..." holding {@code roles} but meant only for {@code audience} (another service rejects it). */
    public static String bearerFor(String audience, String... roles) {
        return "Bearer " + keys().token("test-user", List.of(roles), List.of(audience), Duration.ofHours(2));
    }

    public static String token(String... roles) {
        return keys().token("test-user", List.of(roles), Duration.ofHours(2));
    }
}
