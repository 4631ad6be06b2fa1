package ca.eeradar.scoring.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.privacy.PersonalDataCheck;
import ca.eeradar.crs.CrsEngine;
import ca.eeradar.crs.ScoreReport;
import ca.eeradar.scoring.evaluation.Profiles;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published summary keeps the engine's warnings about its rules and drops those about the profile. */
class ScoreSummariesTest {

    @Test
    void onlyTheWarningsAboutTheRulesArePublished() {
        List<String> engine = List.of(
                "rule set 2026-11-03 is incomplete: the high-wage factor's points per tier are not published yet",
                "category STEM 2026-Version 1: list is provisional, a third-party copy",
                "education: a foreign credential scores no points without an ECA issued on or before 2026-12-01",
                "spouse data ignored: scored without spouse because the partner is not accompanying",
                "TEF Canada /699 scores used: enter TEF_CANADA_ANCIEN results when available");

        assertEquals(engine.subList(0, 2), ScoreSummaries.aboutTheRules(engine));
    }

    @Test
    void aSpouseWhoDoesNotAccompanyAndAForeignDegreeWithoutEcaLeaveNoTraceOnTheTopic() {
        LocalDate month = LocalDate.parse("2026-12-01");
        ScoreReport report = CrsEngine.withOfficialRules()
                .score(
                        Profiles.base()
                                .with("maritalStatus", "MARRIED")
                                .with(
                                        "spouse",
                                        java.util.Map.of(
                                                "accompanying", false, "canadianCitizenOrPermanentResident", false))
                                .with("education", java.util.Map.of("level", "MASTERS", "canadianCredential", "NONE"))
                                .profile(),
                        month);
        CandidateScored summary = ScoreSummaries.of("c-1", 1, report, Instant.parse("2026-12-05T10:00:00Z"));

        assertTrue(
                report.warnings().stream().anyMatch(w -> w.startsWith("spouse data ignored")),
                report.warnings().toString());
        assertTrue(
                report.warnings().stream().anyMatch(w -> w.startsWith("education:")),
                report.warnings().toString());
        assertEquals(ScoreSummaries.aboutTheRules(report.warnings()), summary.warnings());
        PersonalDataCheck.assertClean(EventTypes.CANDIDATE_SCORED, EventJson.write(summary));
    }
}
