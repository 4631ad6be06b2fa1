package ca.eeradar.scoring.pool;

import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.crs.DecodedProfile;
import ca.eeradar.crs.Profile;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The value of a profile-topic record: the compact binary form of the profile, encrypted. Writing
 * and reading it in one class keeps the two sides in step.
 */
public final class ProfileRecords {
    private final ProfileCipher cipher;

    public ProfileRecords(ProfileCipher cipher) {
        this.cipher = cipher;
    }

    public byte[] value(String candidateId, Profile profile) {
        return cipher.encrypt(candidateId, CompactProfile.encode(profile));
    }

    public Header keyIdHeader() {
        return new RecordHeader(
                InternalTopics.KEY_ID_HEADER, cipher.activeKeyId().getBytes(StandardCharsets.UTF_8));
    }

    public String activeKeyId() {
        return cipher.activeKeyId();
    }

    /** The pool entry of a record; throws {@link ProfileCipher.UnreadableProfileException} if it cannot be read. */
    public PoolEntry read(String candidateId, byte[] value, Headers headers) {
        Header keyId = headers == null ? null : headers.lastHeader(InternalTopics.KEY_ID_HEADER);
        byte[] plain = cipher.decrypt(
                keyId == null ? null : new String(keyId.value(), StandardCharsets.UTF_8), candidateId, value);
        Profile profile = CompactProfile.decode(plain);
        if (profile == null || profile.profileSubmittedAt() == null) {
            throw new ProfileCipher.UnreadableProfileException("written in another compact format");
        }
        return new PoolEntry(candidateId, profile.profileSubmittedAt(), DecodedProfile.forPool(profile));
    }
}
