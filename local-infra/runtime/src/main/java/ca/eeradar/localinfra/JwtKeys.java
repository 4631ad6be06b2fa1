package ca.eeradar.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An RSA key pair that signs bearer tokens for local use and tests. Keys are generated, never
 * committed: under {@code .ee-radar/keys/} for the local stack, in a temporary folder for tests.
 * Services only ever see the public key (SmallRye JWT {@code mp.jwt.verify.publickey.location}).
 */
public final class JwtKeys {
    public static final String ISSUER = "https://ee-radar.local/issuer";
    public static final String PRIVATE_FILE = "signing-key.pk8.pem";
    public static final String PUBLIC_FILE = "verification-key.pub.pem";
    public static final String INGEST = "ee-radar-ingest";
    public static final String SCORING = "ee-radar-scoring";
    public static final String QUERY = "ee-radar-query";

    /**
     * The services a role is meant for ({@code aud}): each service accepts only tokens naming it, so a
     * reader token leaked from the mobile backend cannot reach ingest's admin endpoints.
     */
    public static List<String> audiencesOf(List<String> roles) {
        java.util.Set<String> aud = new java.util.LinkedHashSet<>();
        for (String role : roles) {
            switch (role) {
                case "draw-admin" -> aud.addAll(List.of(INGEST, SCORING, QUERY));
                case "profile-writer", "reader" -> aud.addAll(List.of(SCORING, QUERY));
                default -> {}
            }
        }
        return List.copyOf(aud);
    }

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private JwtKeys(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** Loads the pair from {@code dir}, generating it on first use. */
    public static JwtKeys inDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Path priv = dir.resolve(PRIVATE_FILE);
            Path pub = dir.resolve(PUBLIC_FILE);
            if (!Files.exists(priv) || !Files.exists(pub)) {
                KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
                gen.initialize(2048);
                KeyPair pair = gen.generateKeyPair();
                Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                try {
                    Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            byte[] der = der(Files.readString(priv));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new JwtKeys(key, pub);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public PublicKey publicKey() {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(der(Files.readString(publicKeyFile))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed RS256 token for {@code subject} with the given roles, for the services those roles are meant for. */
    public String token(String subject, List<String> groups, Duration lifetime) {
        return token(subject, groups, audiencesOf(groups), lifetime);
    }

    /** A signed RS256 token with the given roles in {@code groups} and the given services in {@code aud}. */
    public String token(String subject, List<String> groups, List<String> audiences, Duration lifetime) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(lifetime).getEpochSecond() + ",\"aud\":" + jsonArray(audiences)
                + ",\"groups\":["
                + groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",")) + "]}";
        String signingInput =
                b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initSign(privateKey);
            sig.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(sig.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jsonArray(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
    }
}
