package ca.eeradar.scoring.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.eeradar.crs.Profile;
import ca.eeradar.scoring.evaluation.Profiles;
import ca.eeradar.scoring.evaluation.SyntheticProfiles;
import ca.eeradar.scoring.profiles.ProfileJson;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The compact form must give back exactly the profile the JSON gives (pure unit test). */
class CompactProfileTest {

    @Test
    void roundTripsTenThousandVariedProfiles() {
        SyntheticProfiles profiles =
                new SyntheticProfiles(7, LocalDate.of(2026, 11, 20), Instant.parse("2026-11-20T15:00:00Z"));
        for (int i = 0; i < 10_000; i++) {
            Profile p = ProfileJson.read(profiles.profile(profiles.submittedAt()));
            assertEquals(p, CompactProfile.decode(CompactProfile.encode(p)), "profile " + i);
        }
    }

    @Test
    void roundTripsOptionalPartsAndNulls() {
        Profile p = Profiles.base()
                .nominatedOn("2026-10-01")
                .with("certificateOfQualification", java.util.Map.of("noc", "72200", "province", "ON"))
                .with("jobOffer", java.util.Map.of("noc", "00012", "lmiaBased", true, "from", "2025-01-01"))
                .with("firstOfficialLanguage", "FRENCH")
                .with("languageTests", null)
                .with("workExperience", null)
                .profile();
        assertEquals(p, CompactProfile.decode(CompactProfile.encode(p)));
    }

    @Test
    void anotherLayoutIsNotDecoded() {
        byte[] bytes = CompactProfile.encode(Profiles.base().profile());
        bytes[0] = (byte) (CompactProfile.FORMAT + 1);
        assertNull(CompactProfile.decode(bytes));
        byte[] enums = CompactProfile.encode(Profiles.base().profile());
        enums[1] ^= 0x7f;
        assertNull(CompactProfile.decode(enums));
        assertArrayEquals(
                CompactProfile.encode(Profiles.base().profile()),
                CompactProfile.encode(Profiles.base().profile()));
    }
}
