import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * docker-compose.yml's one-shot "tokens" step (run as `java JwtTokens.java DIR`, no build): generates the
 * RSA key pair on first start (kept in DIR, a git-ignored bind mount) and writes DIR/tokens.env with one
 * bearer token per role, as local-infra's JwtKeys does for ./ee-radar. The services only see the public key.
 */
public class JwtTokens {
    static final String ISSUER = "https://ee-radar.local/issuer";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/keys");
        Files.createDirectories(dir);
        Path priv = dir.resolve("signing-key.pk8.pem");
        Path pub = dir.resolve("verification-key.pub.pem");
        if (!Files.exists(priv) || !Files.exists(pub)) {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        String body = Files.readString(priv).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        String env = "EE_RADAR_ADMIN_TOKEN=" + token(key, "admin", "draw-admin") + "\n"
                + "EE_RADAR_WRITER_TOKEN=" + token(key, "writer", "profile-writer") + "\n"
                + "EE_RADAR_READER_TOKEN=" + token(key, "reader", "reader") + "\n";
        Files.writeString(dir.resolve("tokens.env"), env);
        System.out.println("tokens written to " + dir.resolve("tokens.env") + " (valid 30 days)");
    }

    static String token(PrivateKey key, String subject, String role) throws Exception {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject + "\",\"jti\":\""
                + UUID.randomUUID() + "\",\"iat\":" + now.getEpochSecond() + ",\"exp\":"
                + now.plus(Duration.ofDays(30)).getEpochSecond() + ",\"aud\":" + audiences(role) + ",\"groups\":[\"" + role + "\"]}";
        String input = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        Signature sig = Signature.getInstance("SHA256withRSA");
        sig.initSign(key);
        sig.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(sig.sign());
    }

    /** The services a role is meant for, as local-infra's JwtKeys names them. */
    static String audiences(String role) {
        return "draw-admin".equals(role) ? "[\"ee-radar-ingest\",\"ee-radar-scoring\",\"ee-radar-query\"]"
                : "[\"ee-radar-scoring\",\"ee-radar-query\"]";
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
