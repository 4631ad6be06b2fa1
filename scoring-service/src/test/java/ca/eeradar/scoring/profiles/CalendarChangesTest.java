package ca.eeradar.scoring.profiles;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.privacy.PersonalDataCheck;
import ca.eeradar.contracts.rules.ScoreMonth;
import ca.eeradar.crs.CanadianCredential;
import ca.eeradar.crs.CanadianStudyTest;
import ca.eeradar.crs.EducationLevel;
import ca.eeradar.crs.Profile;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import ca.eeradar.scoring.evaluation.Profiles;
import ca.eeradar.scoring.evaluation.Topic;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Scores that change with the calendar alone reach the topic at month precision (README "Privacy"):
 * the daily re-score and the write path score as of the same 1st of the month, so a birthday is
 * published on the 1st of the month after it, and no other day publishes anything.
 */
@QuarkusTest
@QuarkusTestResource(
        value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class CalendarChangesTest {
    private static final String WRITER = TestTokens.bearer(TestTokens.WRITER);
    private static final String PROFILE = "/api/v1/candidates/{id}/profile";

    @Inject
    DailyRescore dailyRescore;

    @Inject
    Scorer scorer;

    @Inject
    DataSource dataSource;

    private static List<ConsumerRecord<String, byte[]>> scoreEvents(String candidateId) {
        return Topic.read(Topics.CANDIDATE_SCORES, r -> candidateId.equals(r.key()));
    }

    private static CandidateScored scored(ConsumerRecord<String, byte[]> r) {
        PersonalDataCheck.assertClean(EventTypes.CANDIDATE_SCORED, r.value());
        return EventJson.read(r.value(), CandidateScored.class);
    }

    @Test
    void aMidMonthBirthdayIsPublishedOnTheFirstOfTheNextMonthAndOnNoOtherDay() throws Exception {
        String id = "m-" + UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneId.of("Canada/Eastern"));
        LocalDate thisMonth = ScoreMonth.of(today);
        LocalDate birthday = thisMonth.plusMonths(1).plusDays(14); // the 15th of next month: turns 31
        LocalDate monthAfter = ScoreMonth.of(birthday).plusMonths(1);
        // Every other date relative to today and far from a threshold, so the birthday is the only change.
        Profiles profile = Profiles.base()
                .bornOn(birthday.minusYears(31).toString())
                .recentAround(today, thisMonth.minusYears(2).minusMonths(3));
        Profile decoded = profile.profile();
        assertEquals(fingerprint(decoded, thisMonth), fingerprint(decoded, birthday.withDayOfMonth(1)));
        assertNotEquals(fingerprint(decoded, thisMonth), fingerprint(decoded, monthAfter), "the birthday changes it");

        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(profile.json())
                .put(PROFILE, id)
                .then()
                .statusCode(201)
                .body("asOf", equalTo(thisMonth.toString()));
        // The days of the birthday's month, the birthday itself included: nothing to publish.
        for (LocalDate day : List.of(
                ScoreMonth.of(birthday),
                birthday.minusDays(1),
                birthday,
                birthday.plusDays(1),
                monthAfter.minusDays(1))) {
            dailyRescore.rescore(day);
        }
        dailyRescore.rescore(monthAfter);
        // The days after the 1st find the score they published: nothing more.
        dailyRescore.rescore(monthAfter.plusDays(1));
        dailyRescore.rescore(monthAfter.plusDays(20));
        // A marker: the outbox publishes in commit order, so once this edit is on the topic, anything the
        // re-scores above had emitted is there too.
        given().header("Authorization", WRITER)
                .header("If-Match", "\"1\"")
                .contentType("application/json")
                .body(profile.sibling().json())
                .put(PROFILE, id)
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> scoreEvents(id).size() >= 3);

        List<ConsumerRecord<String, byte[]>> events = scoreEvents(id);
        assertEquals(
                List.of(
                        Topic.scoredFact(id, 1, thisMonth),
                        Topic.scoredFact(id, 1, monthAfter),
                        Topic.scoredFact(id, 2, thisMonth)),
                events.stream().map(Topic::scoredFact).toList());
        CandidateScored before = scored(events.get(0));
        CandidateScored after = scored(events.get(1));
        assertEquals(monthAfter, after.asOf());
        assertEquals(6, before.sections().core() - after.sections().core(), "age points 105 -> 99");
        assertEquals(before.total() - 6, after.total());
    }

    /**
     * Issue 18 through the store: a foreign master's plus a Canadian one-year diploma is stored and
     * published with 15 Canadian-study points; a row still carrying the old score (15 higher, as stored
     * before the fix) is re-scored and re-published by the daily re-score, as of the same month.
     */
    @Test
    void theDailyRescoreCorrectsAnOldScoreAsOfTheSameMonth() throws Exception {
        String id = "m-" + UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneId.of("Canada/Eastern"));
        Profile profile =
                CanadianStudyTest.fortyYearOld(EducationLevel.MASTERS, CanadianCredential.ONE_OR_TWO_YEARS, today);
        int total = CanadianStudyTest.WITHOUT_CANADIAN_STUDY + 15;
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(ProfileJson.write(profile))
                .put(PROFILE, id)
                .then()
                .statusCode(201)
                .body("total", equalTo(total));
        await().atMost(Duration.ofSeconds(30)).until(() -> scoreEvents(id).size() == 1);
        assertEquals(15, scored(scoreEvents(id).get(0)).sections().additional());

        try (Connection c = dataSource.getConnection();
                PreparedStatement old =
                        c.prepareStatement("update candidate_profile set score_total = score_total + 15,"
                                + " score_fingerprint = regexp_replace(score_fingerprint, '^[0-9]+', (score_total + 15)::text)"
                                + " where candidate_id = ?")) {
            old.setString(1, id);
            assertEquals(1, old.executeUpdate());
        }
        LocalDate after = today.plusDays(2);
        dailyRescore.rescore(after);
        await().atMost(Duration.ofSeconds(30)).until(() -> scoreEvents(id).size() == 2);
        CandidateScored rescored = scored(scoreEvents(id).get(1));
        assertEquals(ScoreMonth.of(after), rescored.asOf());
        assertEquals(1, rescored.profileVersion());
        assertEquals(total, rescored.total());
        assertEquals(15, rescored.sections().additional());
    }

    private String fingerprint(Profile profile, LocalDate day) {
        return ProfileScoring.fingerprint(scorer.engine(), profile, day);
    }
}
