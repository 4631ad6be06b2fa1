package ca.eeradar.crs;

import ca.eeradar.crs.Profile.CertificateOfQualification;
import ca.eeradar.crs.Profile.Education;
import ca.eeradar.crs.Profile.JobOffer;
import ca.eeradar.crs.Profile.LanguageTest;
import ca.eeradar.crs.Profile.ProvincialNomination;
import ca.eeradar.crs.Profile.Spouse;
import ca.eeradar.crs.Profile.WorkExperience;
import ca.eeradar.localinfra.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The 28 worked profiles of shared/domain/crs-vectors.json as v1 profiles: ages and years of work
 * become dates relative to {@link #AS_OF}, inside the 2025-03-25 rule set the vectors are valid for.
 */
public final class CrsVectors {
    public static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    public record Vector(String id, String description, Profile profile, JsonNode expected) {
        @Override
        public String toString() {
            return id + " " + description;
        }
    }

    private CrsVectors() {}

    public static List<Vector> load() {
        try {
            JsonNode root = new ObjectMapper()
                    .readTree(SharedData.path("domain/crs-vectors.json").toFile());
            List<Vector> vectors = new ArrayList<>();
            for (JsonNode v : root.get("vectors")) {
                vectors.add(new Vector(
                        v.get("id").asText(),
                        v.get("description").asText(),
                        profile(v.get("input"), AS_OF),
                        v.get("expected")));
            }
            return vectors;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Profile profile(JsonNode in, LocalDate asOf) {
        boolean married = !"single".equals(in.get("maritalStatus").asText());
        List<LanguageTest> tests = new ArrayList<>();
        OfficialLanguage first = null;
        if (!in.get("firstLanguage").isNull()) {
            tests.add(test(in.get("firstLanguage"), asOf));
            first = language(in.get("firstLanguage"));
        }
        if (in.hasNonNull("secondLanguage")) {
            tests.add(test(in.get("secondLanguage"), asOf));
        }
        int cdn = in.get("canadianWorkYears").asInt();
        int foreign = in.get("foreignWorkYears").asInt();
        List<WorkExperience> work = new ArrayList<>();
        if (cdn > 0) {
            work.add(new WorkExperience("21231", "CA", asOf.minusYears(cdn), null, 40.0));
        }
        if (foreign > 0) {
            // foreign work right before the Canadian work, all inside the 10-year window
            LocalDate end = asOf.minusYears(cdn).minusDays(1);
            work.add(new WorkExperience("21231", "IN", end.minusYears(foreign).plusDays(2), end, 37.5));
        }
        Spouse spouse = null;
        if (married && in.hasNonNull("spouse")) {
            JsonNode s = in.get("spouse");
            List<WorkExperience> spouseWork = s.get("canadianWorkYears").asInt() > 0
                    ? List.of(new WorkExperience(
                            "13110",
                            "CA",
                            asOf.minusYears(s.get("canadianWorkYears").asInt()),
                            null,
                            30.0))
                    : List.of();
            spouse = new Spouse(
                    in.get("spouseAccompanying").asBoolean(),
                    in.get("spouseCanadianOrPR").asBoolean(),
                    new Education(
                            EducationLevel.valueOf(s.get("education").asText().toUpperCase()),
                            CanadianCredential.NONE,
                            null),
                    s.hasNonNull("firstLanguage") ? List.of(test(s.get("firstLanguage"), asOf)) : List.of(),
                    spouseWork);
        }
        CanadianCredential credential =
                switch (in.get("canadianStudy").asText()) {
                    case "one_or_two_years" -> CanadianCredential.ONE_OR_TWO_YEARS;
                    case "three_plus_years" -> CanadianCredential.THREE_YEARS_OR_MORE;
                    default -> CanadianCredential.NONE;
                };
        Education education = new Education(
                EducationLevel.valueOf(in.get("education").asText().toUpperCase()), credential, asOf.minusYears(1));
        JobOffer offer =
                switch (in.get("jobOffer").asText()) {
                    case "none" -> null;
                    case "noc_major_group_00" -> new JobOffer("00012", true, asOf.minusMonths(3));
                    default -> new JobOffer("21231", true, asOf.minusMonths(3));
                };
        return new Profile(
                asOf.minusYears(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                asOf.minusYears(in.get("age").asInt()).minusDays(100),
                married ? MaritalStatus.MARRIED : MaritalStatus.SINGLE,
                spouse,
                education,
                tests,
                first,
                work,
                in.get("certificateOfQualification").asBoolean() ? new CertificateOfQualification("72200", "ON") : null,
                in.get("siblingInCanada").asBoolean(),
                in.get("provincialNomination").asBoolean() ? new ProvincialNomination("ON", asOf.minusMonths(1)) : null,
                offer);
    }

    private static OfficialLanguage language(JsonNode l) {
        return "fr".equals(l.get("language").asText()) ? OfficialLanguage.FRENCH : OfficialLanguage.ENGLISH;
    }

    private static LanguageTest test(JsonNode l, LocalDate asOf) {
        LanguageTestType type =
                switch (l.get("test").asText()) {
                    case "IELTS" -> LanguageTestType.IELTS_GENERAL;
                    case "CELPIP" -> LanguageTestType.CELPIP_GENERAL;
                    case "PTE_CORE" -> LanguageTestType.PTE_CORE;
                    case "TEF_2023" -> LanguageTestType.TEF_CANADA;
                    case "TCF" -> LanguageTestType.TCF_CANADA;
                    case "NCLC" -> LanguageTestType.NCLC;
                    default -> LanguageTestType.CLB;
                };
        return new LanguageTest(
                type,
                asOf.minusMonths(6),
                l.get("listening").asDouble(),
                l.get("reading").asDouble(),
                l.get("writing").asDouble(),
                l.get("speaking").asDouble());
    }
}
