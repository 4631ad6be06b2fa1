package ca.eeradar.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.rules.Category;
import ca.eeradar.crs.Profile.LanguageTest;
import ca.eeradar.crs.Profile.WorkExperience;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the engine decodes once per profile and once per date (lists kept as decoded snapshots,
 * dates compared without building them, NOC codes as numbers) says exactly what the plain values say.
 */
class DecodedProfileTest {
    private static final LanguageTest TEST =
            new LanguageTest(LanguageTestType.IELTS_GENERAL, LocalDate.of(2025, 1, 10), 8.0, 7.0, 7.0, 7.0);
    private static final WorkExperience JOB = new WorkExperience("21231", "CA", LocalDate.of(2023, 1, 1), null, 30.0);

    private static Profile profile(List<LanguageTest> tests, List<WorkExperience> work) {
        return new Profile(
                Instant.parse("2025-05-01T10:00:00Z"),
                LocalDate.of(1996, 4, 12),
                MaritalStatus.SINGLE,
                null,
                null,
                tests,
                null,
                work,
                null,
                false,
                null,
                null);
    }

    @Test
    void listsReadAndCompareAsGivenAndAreSnapshots() {
        List<LanguageTest> tests = new ArrayList<>(Arrays.asList(TEST, null));
        List<WorkExperience> work = new ArrayList<>(List.of(JOB));
        Profile p = profile(tests, work);
        assertEquals(tests, p.languageTests());
        assertEquals(work, p.workExperience());
        assertEquals(p, profile(Arrays.asList(TEST, null), List.of(JOB)), "equal to a profile built from other lists");
        assertEquals(tests.hashCode(), p.languageTests().hashCode());
        assertEquals(work.toString(), p.workExperience().toString());
        tests.add(TEST);
        work.clear();
        assertEquals(2, p.languageTests().size(), "the profile keeps what it was given");
        assertEquals(List.of(JOB), p.workExperience());
        assertThrows(
                UnsupportedOperationException.class, () -> p.workExperience().add(JOB));
        assertThrows(
                UnsupportedOperationException.class, () -> p.languageTests().remove(0));
        assertSame(
                p.workExperience(),
                new Profile(
                                p.profileSubmittedAt(),
                                p.dateOfBirth(),
                                p.maritalStatus(),
                                p.spouse(),
                                p.education(),
                                p.languageTests(),
                                null,
                                p.workExperience(),
                                null,
                                false,
                                null,
                                null)
                        .workExperience());
    }

    @Test
    void absentListsStayAbsent() {
        Profile p = profile(null, null);
        assertNull(p.languageTests());
        assertNull(p.workExperience());
        Profile.Spouse spouse = new Profile.Spouse(true, false, null, null, null);
        assertNull(spouse.languageTests());
        assertNull(spouse.workExperience());
    }

    @Test
    void anEcaCountsFromItsIssueDayForFiveYears() {
        RuleBook rules = RuleBook.official();
        CategoryLists lists = CategoryLists.official();
        for (LocalDate issued : new LocalDate[] {
            LocalDate.of(2020, 2, 29), LocalDate.of(2019, 3, 1), LocalDate.of(2021, 12, 31), LocalDate.of(2016, 2, 29)
        }) {
            Profile p = new Profile(
                    Instant.parse("2025-05-01T10:00:00Z"),
                    LocalDate.of(1990, 1, 1),
                    MaritalStatus.SINGLE,
                    null,
                    new Profile.Education(EducationLevel.MASTERS, CanadianCredential.NONE, issued),
                    List.of(TEST),
                    null,
                    List.of(),
                    null,
                    false,
                    null,
                    null);
            DecodedProfile decoded = DecodedProfile.of(p);
            LocalDate expiry = issued.plusYears(5); // 29 February -> 28 February of a common year
            Facts before = new Facts(decoded, new ScoringDay(issued.minusDays(1), rules, lists), true);
            assertTrue(before.ecaMissing, "not issued yet on " + before.asOf);
            assertNull(before.education);
            for (LocalDate counted : new LocalDate[] {issued, expiry.minusDays(1)}) {
                Facts f = new Facts(decoded, new ScoringDay(counted, rules, lists), true);
                assertEquals(EducationLevel.MASTERS, f.education, issued + " on " + counted);
                assertFalse(f.ecaExpired || f.ecaMissing);
            }
            Facts expired = new Facts(decoded, new ScoringDay(expiry, rules, lists), true);
            assertTrue(expired.ecaExpired, issued + " expired on " + expiry);
            assertNull(expired.education);
            assertEquals(expiry, expired.ecaExpiry());
        }
    }

    @Test
    void nocCodesAreFiveDigits() {
        assertEquals(12, Noc.code("00012"));
        assertEquals(21231, Noc.code("21231"));
        assertEquals(-1, Noc.code("2123"));
        assertEquals(-1, Noc.code("2123A"));
        assertEquals(-1, Noc.code(null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new CategoryLists(List.of(new CategoryList(
                        Category.STEM,
                        "Version X",
                        LocalDate.of(2025, 1, 1),
                        null,
                        Set.of("2123"),
                        false,
                        false,
                        "test"))));
    }
}
