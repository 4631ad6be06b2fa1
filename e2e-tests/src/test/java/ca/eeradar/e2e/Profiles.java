package ca.eeradar.e2e;

import java.time.Instant;
import java.time.LocalDate;

/** Profile JSON v1 documents, with every date relative to the draw they are tested against. */
final class Profiles {
    private Profiles() {}

    /**
     * Single, 30 on the draw date, master's with an ECA, IELTS CLB 10, skilled Canadian work
     * (NOC 21231, TEER 1) for more than three years: meets CEC and FSW.
     */
    static String canadianWorker(LocalDate drawDate, Instant submittedAt, boolean sibling) {
        return profile(drawDate, submittedAt, sibling, "CA", null);
    }

    /** The same person whose skilled work was abroad only: FSW, not CEC. */
    static String foreignWorker(LocalDate drawDate, Instant submittedAt, boolean sibling) {
        return profile(drawDate, submittedAt, sibling, "IN", null);
    }

    static String profile(
            LocalDate d, Instant submittedAt, boolean sibling, String workCountry, String nominationProvince) {
        String nomination = nominationProvince == null
                ? "null"
                : "{\"province\":\"" + nominationProvince + "\",\"nominatedOn\":\"" + d.minusDays(60) + "\"}";
        return """
            {"profileSubmittedAt":"%s","dateOfBirth":"%s","maritalStatus":"SINGLE","spouse":null,
             "education":{"level":"MASTERS","canadianCredential":"NONE","ecaIssuedOn":"%s"},
             "languageTests":[{"test":"IELTS_GENERAL","takenOn":"%s","listening":8.5,"reading":8.0,"writing":7.5,"speaking":7.5}],
             "workExperience":[{"noc":"21231","country":"%s","from":"%s","to":null,"hoursPerWeek":40}],
             "certificateOfQualification":null,"siblingInCanada":%s,"provincialNomination":%s,"jobOffer":null}
            """.formatted(
                        submittedAt,
                        d.minusYears(30).minusDays(100),
                        d.minusYears(2),
                        d.minusDays(200),
                        workCountry,
                        d.minusYears(3).minusDays(45),
                        sibling,
                        nomination);
    }
}
