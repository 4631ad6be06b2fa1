package ca.eeradar.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A packed pool profile, read back through one re-pointed {@link PackedProfile.Reader}, assesses
 * exactly like the profile decoded in full: on dates across every rule set and category list, with
 * the official rules and with a configured high-wage factor (which reads NOC codes as text). One
 * reader serves every profile of a try, larger and smaller ones in turn, as it does in a pool.
 */
class PackedProfileTest {
    private static final CrsEngine OFFICIAL = CrsEngine.withOfficialRules();

    @Property(tries = 300)
    void aPackedProfileAssessesLikeTheDecodedOne(@ForAll long seed) {
        Random random = new Random(seed);
        PackedProfile.Reader reader = new PackedProfile.Reader();
        LocalDate asOf = LocalDate.of(2015, 6, 1).plusDays(random.nextInt(4800));
        Profile[] profiles = new Profile[6];
        int[][] packed = new int[profiles.length][];
        for (int i = 0; i < profiles.length; i++) {
            profiles[i] = TimelineEquivalenceTest.profile(random, asOf);
            packed[i] = PackedProfile.pack(profiles[i]);
        }
        for (int d = 0; d < 6; d++) {
            LocalDate date = asOf.plusDays(random.nextInt(900) - 150);
            for (int i = 0; i < profiles.length; i++) {
                for (CrsEngine engine : List.of(OFFICIAL, TimelineEquivalenceTest.HIGH_WAGE)) {
                    assertEquals(
                            engine.assess(DecodedProfile.of(profiles[i]), date),
                            engine.assess(reader.read(packed[i]), date),
                            "seed " + seed + ", profile " + i + " on " + date + ": " + profiles[i]);
                }
            }
        }
    }

    @Example
    void theWorkedVectorsAssessAlikePacked() {
        PackedProfile.Reader reader = new PackedProfile.Reader();
        for (CrsVectors.Vector v : CrsVectors.load()) {
            int[] packed = PackedProfile.pack(v.profile());
            for (LocalDate date : List.of(
                    CrsVectors.AS_OF,
                    LocalDate.of(2025, 3, 24),
                    LocalDate.of(2026, 2, 18),
                    LocalDate.of(2026, 11, 3),
                    LocalDate.of(2028, 2, 29))) {
                assertEquals(
                        OFFICIAL.assess(v.profile(), date),
                        OFFICIAL.assess(reader.read(packed), date),
                        v + " on " + date);
            }
        }
    }

    @Example
    void theReaderKeepsNoSubmittedProfile() {
        Profile p = TimelineEquivalenceTest.profile(new Random(7), LocalDate.of(2026, 1, 5));
        assertNull(new PackedProfile.Reader().read(PackedProfile.pack(p)).profile());
    }

    @Example
    void whatDoesNotFitIsRefusedNotBent() {
        Profile p = new Profile(
                Instant.parse("2025-05-01T10:00:00Z"),
                LocalDate.of(1996, 4, 12),
                MaritalStatus.SINGLE,
                null,
                null,
                List.of(),
                null,
                List.of(new Profile.WorkExperience("2123A", "CA", LocalDate.of(2023, 1, 1), null, 30.0)),
                null,
                false,
                null,
                null);
        assertThrows(IllegalArgumentException.class, () -> PackedProfile.pack(p));
        assertThrows(IllegalArgumentException.class, () -> PackedProfile.day(Integer.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, PackedProfile.epochDay(PackedProfile.day(Long.MAX_VALUE)));
        assertEquals(Long.MIN_VALUE, PackedProfile.epochDay(PackedProfile.day(Long.MIN_VALUE)));
        assertEquals("00012", Noc.text(12));
    }
}
