package ca.eeradar.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.eeradar.crs.CrsEngine;
import ca.eeradar.crs.DecodedProfile;
import ca.eeradar.crs.Profile;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The form a pool keeps (without the submitted profile) assesses exactly like the full one. */
class PoolFormTest {
    private static final CrsEngine ENGINE = CrsEngine.withOfficialRules();

    @Test
    void poolFormAssessesLikeTheFullFormOnEveryDate() {
        List<Profiles> variants = List.of(
                Profiles.base(),
                Profiles.base().sibling(),
                Profiles.base().foreignWorkOnly(),
                Profiles.base().nominatedOn("2026-10-01"),
                Profiles.base().bornOn("1995-09-01"),
                Profiles.base().languageTestTakenOn("2024-11-10"));
        List<LocalDate> dates = List.of(
                LocalDate.of(2025, 3, 24),
                LocalDate.of(2025, 3, 25),
                LocalDate.of(2026, 2, 28),
                LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 11, 3),
                LocalDate.of(2026, 11, 20),
                LocalDate.of(2027, 6, 1));
        for (Profiles variant : variants) {
            Profile profile = variant.profile();
            DecodedProfile pool = DecodedProfile.forPool(profile);
            assertNull(pool.profile(), "the pool form drops the submitted profile");
            for (LocalDate date : dates) {
                assertEquals(
                        ENGINE.assess(DecodedProfile.of(profile), date),
                        ENGINE.assess(pool, date),
                        variant.json() + " on " + date);
            }
        }
    }
}
