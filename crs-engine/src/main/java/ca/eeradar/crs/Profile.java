package ca.eeradar.crs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The candidate profile, JSON contract v1: field names are the JSON's. Optional parts are
 * null; lists may be null (= empty). Validate with {@link ProfileValidator} before scoring.
 */
public record Profile(
        Instant profileSubmittedAt,
        LocalDate dateOfBirth,
        MaritalStatus maritalStatus,
        Spouse spouse,
        Education education,
        List<LanguageTest> languageTests,
        OfficialLanguage firstOfficialLanguage,
        List<WorkExperience> workExperience,
        CertificateOfQualification certificateOfQualification,
        boolean siblingInCanada,
        ProvincialNomination provincialNomination,
        JobOffer jobOffer) {

    /**
     * Product limits on the lists (the candidate's and the spouse's). Only the latest result of each test type
     * scores, and a person has at most a handful of types; 50 jobs is decades of history. They also keep every
     * count far inside the 16-bit counts of the compact stored form, which could otherwise wrap silently.
     */
    public static final int MAX_LANGUAGE_TESTS = 10;

    public static final int MAX_WORK_EXPERIENCE = 50;

    /**
     * The lists are kept as immutable snapshots ({@link Snapshot}): a profile is decoded
     * ({@link DecodedProfile}) and scored on many dates (each draw, the daily re-score, the timeline).
     * They still read, compare and serialize as the lists given.
     */
    public Profile {
        languageTests = Snapshot.of(languageTests);
        workExperience = Snapshot.of(workExperience);
    }

    /**
     * The spouse or common-law partner; scored only if accompanying and not a citizen/PR
     * (docs/crs-rules.md#column).
     */
    public record Spouse(
            boolean accompanying,
            boolean canadianCitizenOrPermanentResident,
            Education education,
            List<LanguageTest> languageTests,
            List<WorkExperience> workExperience) {
        /** Snapshots, as in {@link Profile}. */
        public Spouse {
            languageTests = Snapshot.of(languageTests);
            workExperience = Snapshot.of(workExperience);
        }
    }

    /**
     * {@code level}: the highest credential held anywhere (core and transferability points). A foreign
     * credential scores only with an ECA less than 5 years old ({@code ecaIssuedOn}); a Canadian credential
     * needs none. {@code canadianCredential}: the Canadian post-secondary credential alone, which alone
     * decides the Canadian-study points ({@link CanadianCredential}); {@code level} never raises them.
     */
    public record Education(EducationLevel level, CanadianCredential canadianCredential, LocalDate ecaIssuedOn) {}

    /** Raw results per ability, on the scale of {@code test} (IELTS bands, PTE points, TEF/TCF points, levels). */
    public record LanguageTest(
            LanguageTestType test,
            LocalDate takenOn,
            Double listening,
            Double reading,
            Double writing,
            Double speaking) {}

    /**
     * A period of paid work. {@code noc}: NOC 2021 code (5 digits; the TEER is the 2nd digit);
     * {@code country}: ISO 3166 alpha-2 ("CA" = Canadian experience); {@code to}: last day worked,
     * inclusive, null = ongoing.
     */
    public record WorkExperience(String noc, String country, LocalDate from, LocalDate to, Double hoursPerWeek) {}

    public record CertificateOfQualification(String noc, String province) {}

    public record ProvincialNomination(String province, LocalDate nominatedOn) {}

    /** {@code from}: the date the offer takes effect. */
    public record JobOffer(String noc, boolean lmiaBased, LocalDate from) {}
}
