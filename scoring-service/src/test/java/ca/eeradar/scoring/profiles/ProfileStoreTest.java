package ca.eeradar.scoring.profiles;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ca.eeradar.contracts.CandidateErased;
import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.privacy.PersonalDataCheck;
import ca.eeradar.contracts.rules.ScoreMonth;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import ca.eeradar.scoring.evaluation.Profiles;
import ca.eeradar.scoring.evaluation.Topic;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class ProfileStoreTest {
    private static final String WRITER = TestTokens.bearer(TestTokens.WRITER);

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
        LocalDate month = ScoreMonth.of(LocalDate.now(java.time.ZoneId.of("Canada/Eastern")));
        assertEquals(Topic.scoredFact(id, 2, month), Topic.scoredFact(scored.get(1)));
        assertEquals(EventTypes.CANDIDATE_SCORED, Topic.header(scored.get(1), "ce_type"));
        CandidateScored second = EventJson.read(scored.get(1).value(), CandidateScored.class);
        assertEquals(2, second.profileVersion());
        assertEquals(month, second.asOf(), "published as of the 1st of the month, whatever the day of the edit");
        String payload = new String(scored.get(1).value(), StandardCharsets.UTF_8);
        assertFalse(
                payload.contains("1996")
                        || payload.contains("dateOfBirth")
                        || payload.contains("listening")
                        || payload.contains("timeline"),
                "no personal data in CandidateScored: " + payload);
        for (ConsumerRecord<String, byte[]> event : scored) {
            PersonalDataCheck.assertClean(EventTypes.CANDIDATE_SCORED, event.value());
        }

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
}
