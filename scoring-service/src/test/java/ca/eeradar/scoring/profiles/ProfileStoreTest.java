package ca.eeradar.scoring.profiles;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.CandidateErased;
import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
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
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class ProfileStoreTest {
    private static final String WRITER = TestTokens.bearer(TestTokens.WRITER);

    @Inject
    DailyRescore dailyRescore;

    @Inject
    DataSource dataSource;

    private static List<ConsumerRecord<String, byte[]>> scoreEvents(String candidateId) {
        return Topic.read(Topics.CANDIDATE_SCORES, r -> candidateId.equals(r.key()));
    }

    @Test
    void createReplaceWithIfMatchReadAndErase() {
        String id = "s-" + UUID.randomUUID();
        String path = "/api/v1/candidates/{id}/profile";
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(Profiles.base().json())
                .put(path, id)
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("candidateId", equalTo(id))
                .body("profileVersion", equalTo(1))
                .body("total", notNullValue())
                .body("programs", hasItem("CEC"));
        given().header("Authorization", WRITER)
                .get(path, id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("dateOfBirth", equalTo("1996-04-12"));
        given().header("Authorization", WRITER)
                .header("If-Match", "\"1\"")
                .contentType("application/json")
                .body(Profiles.base().sibling().json())
                .put(path, id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");
        // A stale ETag loses: nothing changes.
        given().header("Authorization", WRITER)
                .header("If-Match", "\"1\"")
                .contentType("application/json")
                .body(Profiles.base().json())
                .put(path, id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().header("Authorization", WRITER)
                .get(path, id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("siblingInCanada", equalTo(true));

        await().atMost(Duration.ofSeconds(30)).until(() -> scoreEvents(id).size() == 2);
        List<ConsumerRecord<String, byte[]>> scored = scoreEvents(id);
        assertEquals(
                EventTypes.candidateScoredId(id, 2, LocalDate.now(java.time.ZoneId.of("Canada/Eastern"))),
                Topic.ceId(scored.get(1)));
        CandidateScored second = EventJson.read(scored.get(1).value(), CandidateScored.class);
        assertEquals(2, second.profileVersion());
        String payload = new String(scored.get(1).value(), StandardCharsets.UTF_8);
        assertFalse(
                payload.contains("1996") || payload.contains("dateOfBirth") || payload.contains("listening"),
                "no personal data in CandidateScored: " + payload);

        given().header("Authorization", WRITER).delete(path, id).then().statusCode(204);
        given().header("Authorization", WRITER)
                .get(path, id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        await().atMost(Duration.ofSeconds(30)).until(() -> scoreEvents(id).size() == 3);
        ConsumerRecord<String, byte[]> erased = scoreEvents(id).get(2);
        assertEquals(EventTypes.CANDIDATE_ERASED, Topic.header(erased, "ce_type"));
        assertEquals(id, EventJson.read(erased.value(), CandidateErased.class).candidateId());
    }

    @Test
    void invalidProfileIs400NamingTheFieldsAndNothingIsStored() {
        String id = "s-" + UUID.randomUUID();
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(Profiles.base().with("maritalStatus", "ENGAGED").json())
                .put("/api/v1/candidates/{id}/profile", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("maritalStatus"));
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(Profiles.base().json())
                .put("/api/v1/candidates/{id}/profile", "bad id!")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("candidateId"));
        given().header("Authorization", WRITER)
                .get("/api/v1/candidates/{id}/profile", id)
                .then()
                .statusCode(404);
    }

    @Test
    void readersCannotTouchProfiles() {
        given().header("Authorization", TestTokens.bearer(TestTokens.READER))
                .get("/api/v1/candidates/{id}/profile", "x1")
                .then()
                .statusCode(403);
        given().get("/api/v1/candidates/{id}/profile", "x1").then().statusCode(401);
    }

    /**
     * Issue 18 through the store: a foreign master's plus a Canadian one-year diploma is stored and
     * published with 15 Canadian-study points; a row still carrying the old score (15 higher, as stored
     * before the fix) is re-scored and re-published by the daily re-score, as the README's changelog says.
     */
    @Test
    void storedProfileScoresTheCanadianCredentialOnlyAndTheDailyRescoreCorrectsAnOldScore() throws Exception {
        String id = "s-" + UUID.randomUUID();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Canada/Eastern"));
        Profile profile =
                CanadianStudyTest.fortyYearOld(EducationLevel.MASTERS, CanadianCredential.ONE_OR_TWO_YEARS, today);
        int total = CanadianStudyTest.WITHOUT_CANADIAN_STUDY + 15;
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(ProfileJson.write(profile))
                .put("/api/v1/candidates/{id}/profile", id)
                .then()
                .statusCode(201)
                .body("total", equalTo(total));
        await().atMost(Duration.ofSeconds(30)).until(() -> scoreEvents(id).size() == 1);
        CandidateScored stored = EventJson.read(scoreEvents(id).get(0).value(), CandidateScored.class);
        assertEquals(total, stored.total());
        assertEquals(15, stored.sections().additional());

        try (Connection c = dataSource.getConnection();
                PreparedStatement old =
                        c.prepareStatement("update candidate_profile set score_total = score_total + 15,"
                                + " score_fingerprint = regexp_replace(score_fingerprint, '^[0-9]+', (score_total + 15)::text)"
                                + " where candidate_id = ?")) {
            old.setString(1, id);
            assertEquals(1, old.executeUpdate());
        }
        // The date the birthday test re-scores the pool on: one more run over it emits nothing the other would not.
        LocalDate after = today.plusDays(2);
        dailyRescore.rescore(after);
        String expectedId = EventTypes.candidateScoredId(id, 1, after);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scoreEvents(id).stream().anyMatch(r -> expectedId.equals(Topic.ceId(r))));
        List<ConsumerRecord<String, byte[]>> events = scoreEvents(id);
        assertEquals(2, events.size());
        CandidateScored rescored = EventJson.read(events.get(1).value(), CandidateScored.class);
        assertEquals(after, rescored.asOf());
        assertEquals(1, rescored.profileVersion());
        assertEquals(total, rescored.total());
        assertEquals(15, rescored.sections().additional());
    }

    @Test
    void dailyRescoreEmitsOnceWhenABirthdayChangesTheScore() throws Exception {
        String id = "s-" + UUID.randomUUID();
        // 30 today (the store scores on the real date, in Canada/Eastern), 31 tomorrow: the age points drop
        // then. Relative to today: a fixed birthday made this test fail from the day it passed.
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Canada/Eastern"));
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(Profiles.base()
                        .bornOn(today.plusDays(1).minusYears(31).toString())
                        .json())
                .put("/api/v1/candidates/{id}/profile", id)
                .then()
                .statusCode(201);
        LocalDate after = today.plusDays(2);
        dailyRescore.rescore(after);
        dailyRescore.rescore(after);
        String expectedId = EventTypes.candidateScoredId(id, 1, after);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scoreEvents(id).stream().anyMatch(r -> expectedId.equals(Topic.ceId(r))));
        List<ConsumerRecord<String, byte[]>> events = scoreEvents(id);
        assertEquals(2, events.size(), "creation + one re-score, not two");
        CandidateScored before = EventJson.read(events.get(0).value(), CandidateScored.class);
        CandidateScored rescored = EventJson.read(events.get(1).value(), CandidateScored.class);
        assertEquals(after, rescored.asOf());
        assertTrue(rescored.total() < before.total(), "the birthday lowered the total");
    }
}
