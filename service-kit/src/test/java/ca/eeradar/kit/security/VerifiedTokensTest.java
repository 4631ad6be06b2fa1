package ca.eeradar.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.eeradar.localinfra.JwtKeys;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real SmallRye JWT verifier behind the memory, with a clock the test moves. */
class VerifiedTokensTest {
    @TempDir
    static Path keysDir;

    private JwtKeys keys;
    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    private VerifiedTokens tokens;

    @BeforeEach
    void setUp() {
        keys = JwtKeys.inDirectory(keysDir);
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.publicKey(), JwtKeys.ISSUER);
        DefaultJWTParser real = new DefaultJWTParser(context);
        // Counts the full verifications the memory lets through.
        JWTParser counting = (JWTParser) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {JWTParser.class}, (proxy, method, args) -> {
                    if (method.getName().equals("parse") && args.length == 1) {
                        verifications.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        tokens = new VerifiedTokens(counting, now::get);
    }

    @Test
    void theSameTokenIsVerifiedOnceAndKeepsItsRoles() throws ParseException {
        String token = keys.token("mobile-backend", List.of("reader"), Duration.ofHours(1));
        JsonWebToken first = tokens.parse(token);
        JsonWebToken again = tokens.parse(token);
        assertSame(first, again);
        assertEquals(1, verifications.get());
        assertEquals(Set.of("reader"), again.getGroups());
        assertEquals("mobile-backend", again.getSubject());
    }

    @Test
    void aTamperedTokenIsNeverAnsweredFromMemory() throws ParseException {
        String token = keys.token("mobile-backend", List.of("reader"), Duration.ofHours(1));
        tokens.parse(token);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"reader\"", "\"draw-admin\"");
        // Same signature, so the same last characters the memory hashes its keys on: only the whole string may match.
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        assertThrows(ParseException.class, () -> tokens.parse(forged));
        assertEquals(2, verifications.get());
    }

    @Test
    void anEntryEndsAtTheTokensExpiry() throws ParseException {
        String token = keys.token("mobile-backend", List.of("reader"), Duration.ofMinutes(2));
        tokens.parse(token);
        now.addAndGet(Duration.ofMinutes(1).toMillis());
        tokens.parse(token);
        assertEquals(1, verifications.get());
        now.addAndGet(Duration.ofMinutes(2).toMillis());
        tokens.parse(token); // past its exp on the test clock: verified again (the real clock still accepts it)
        assertEquals(2, verifications.get());
    }

    @Test
    void anEntryEndsFiveMinutesAfterItsVerificationWhateverTheExpiry() throws ParseException {
        String token = keys.token("mobile-backend", List.of("reader"), Duration.ofHours(12));
        tokens.parse(token);
        now.addAndGet(VerifiedTokens.MAX_AGE.toMillis() - 1);
        tokens.parse(token);
        assertEquals(1, verifications.get());
        now.addAndGet(2);
        tokens.parse(token);
        assertEquals(2, verifications.get());
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = keys.token("mobile-backend", List.of("reader"), Duration.ofMinutes(-5));
        assertThrows(ParseException.class, () -> tokens.parse(token));
    }
}
