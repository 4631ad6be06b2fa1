package ca.eeradar.scoring.evaluation;

import ca.eeradar.contracts.EventJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test profiles (profile JSON v1). The base: single, 30 on 2026-11-20, Canadian 3-year credential,
 * IELTS General CLB 9+ taken 2026-01-10, Canadian skilled work (NOC 21231, TEER 1) since 2023-01-01:
 * CEC-eligible (and STEM 2023 list) on 2026-11-20.
 */
public final class Profiles {
    private final Map<String, Object> doc = new LinkedHashMap<>();

    private Profiles() {
        doc.put("profileSubmittedAt", "2026-03-01T10:00:00Z");
        doc.put("dateOfBirth", "1996-04-12");
        doc.put("maritalStatus", "SINGLE");
        doc.put("spouse", null);
        doc.put("education", Map.of("level", "BACHELORS", "canadianCredential", "THREE_YEARS_OR_MORE"));
        doc.put("languageTests", List.of(test("2026-01-10")));
        doc.put("workExperience", new ArrayList<>(List.of(work("21231", "CA", "2023-01-01"))));
        doc.put("certificateOfQualification", null);
        doc.put("siblingInCanada", false);
        doc.put("provincialNomination", null);
        doc.put("jobOffer", null);
    }

    public static Profiles base() {
        return new Profiles();
    }

    private static Map<String, Object> test(String takenOn) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("test", "IELTS_GENERAL");
        t.put("takenOn", takenOn);
        t.put("listening", 8.5);
        t.put("reading", 8.0);
        t.put("writing", 7.5);
        t.put("speaking", 7.5);
        return t;
    }

    private static Map<String, Object> work(String noc, String country, String from) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("noc", noc);
        w.put("country", country);
        w.put("from", from);
        w.put("to", null);
        w.put("hoursPerWeek", 40);
        return w;
    }

    public Profiles submittedAt(String instant) {
        doc.put("profileSubmittedAt", instant);
        return this;
    }

    public Profiles bornOn(String date) {
        doc.put("dateOfBirth", date);
        return this;
    }

    public Profiles sibling() {
        doc.put("siblingInCanada", true);
        return this;
    }

    public Profiles languageTestTakenOn(String date) {
        doc.put("languageTests", List.of(test(date)));
        return this;
    }

    /**
     * Dated relative to {@code today}, so that a test does not start failing on the day a fixed date is
     * passed: submitted a month ago, a test taken 6 months ago (it expires in 18), Canadian work (NOC 21231,
     * ongoing) from {@code workFrom}. Pick {@code workFrom} so that no year of work completes in the months the
     * test looks at: then only the date of birth changes the score there.
     */
    public Profiles recentAround(java.time.LocalDate today, java.time.LocalDate workFrom) {
        submittedAt(today.minusMonths(1)
                .atStartOfDay()
                .toInstant(java.time.ZoneOffset.UTC)
                .toString());
        languageTestTakenOn(today.minusMonths(6).toString());
        doc.put("workExperience", List.of(work("21231", "CA", workFrom.toString())));
        return this;
    }

    /** Only foreign work: no Canadian experience, so no CEC. */
    public Profiles foreignWorkOnly() {
        doc.put("workExperience", List.of(work("21231", "IN", "2019-01-01")));
        return this;
    }

    public Profiles nominatedOn(String date) {
        doc.put("provincialNomination", Map.of("province", "ON", "nominatedOn", date));
        return this;
    }

    /** Issue 18: a master's from abroad (ECA 2024-01-01) plus a one-year Canadian diploma: 15 Canadian-study points. */
    public Profiles foreignMastersAndCanadianDiploma() {
        doc.put(
                "education",
                Map.of("level", "MASTERS", "canadianCredential", "ONE_OR_TWO_YEARS", "ecaIssuedOn", "2024-01-01"));
        return this;
    }

    /** Issue 18: a one-year master's from a Canadian university, entered as IRCC's form asks: 30 points. */
    public Profiles canadianOneYearMasters() {
        doc.put("education", Map.of("level", "MASTERS", "canadianCredential", "THREE_YEARS_OR_MORE"));
        return this;
    }

    public Profiles with(String field, Object value) {
        doc.put(field, value);
        return this;
    }

    public String json() {
        return new String(EventJson.write(doc), java.nio.charset.StandardCharsets.UTF_8);
    }

    public ca.eeradar.crs.Profile profile() {
        return ca.eeradar.scoring.profiles.ProfileJson.read(json());
    }
}
