package ca.eeradar.scoring.pool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the values of the profile topic, which carry personal data. A value is
 * {@code nonce (12 bytes) || ciphertext+tag}; the candidate id is the associated data, so a value
 * cannot be moved under another candidate's key unnoticed. Values are written with the active key
 * and read with whichever key their header names, so a key can rotate: add the new key, make it
 * active, and the old one can go once every profile was written again (or the topic compacted).
 */
public final class ProfileCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    /** {@code keys}: key id to a base64-encoded 32-byte key. */
    public ProfileCipher(String activeKeyId, Map<String, String> keys) {
        Map<String, SecretKey> decoded = new HashMap<>();
        keys.forEach((id, base64) -> {
            byte[] raw = Base64.getDecoder().decode(base64.trim());
            if (raw.length != 32) {
                throw new IllegalArgumentException(
                        "profile key " + id + " must be 32 bytes (base64), not " + raw.length);
            }
            decoded.put(id, new SecretKeySpec(raw, "AES"));
        });
        if (!decoded.containsKey(activeKeyId)) {
            throw new IllegalArgumentException(
                    "the active profile key " + activeKeyId + " is not among the configured keys " + decoded.keySet());
        }
        this.activeKeyId = activeKeyId;
        this.keys = Map.copyOf(decoded);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public byte[] encrypt(String candidateId, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(candidateId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a profile: " + e.getMessage(), e);
        }
    }

    /** Throws {@link UnreadableProfileException} for an unknown key id or a value that does not authenticate. */
    public byte[] decrypt(String keyId, String candidateId, byte[] sealed) {
        SecretKey key = keyId == null ? null : keys.get(keyId);
        if (key == null) {
            throw new UnreadableProfileException("no profile key with id " + keyId);
        }
        if (sealed.length <= NONCE_BYTES) {
            throw new UnreadableProfileException("value too short");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            c.updateAAD(candidateId.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new UnreadableProfileException("value does not authenticate with key " + keyId);
        }
    }

    /** A profile record that cannot be read: counted and skipped, never a reason to stop a partition. */
    public static final class UnreadableProfileException extends RuntimeException {
        public UnreadableProfileException(String message) {
            super(message);
        }
    }
}
