package ca.eeradar.scoring.profiles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import ca.eeradar.scoring.evaluation.Profiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dated timeline, off the topics, is served to profile writers only. */
@QuarkusTest
@QuarkusTestResource(
        value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class TimelineResourceTest {
    private static final String TIMELINE = "/api/v1/candidates/{id}/timeline";

    @Test
    void aProfileWriterReadsTheTimelineToTheDayAReaderIsForbidden() {
        String id = "t-" + UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneId.of("Canada/Eastern"));
        LocalDate birthday = today.plusDays(10);
        LocalDate testTaken = today.minusMonths(6); // as recentAround dates it
        given().header("Authorization", TestTokens.bearer(TestTokens.WRITER))
                .contentType("application/json")
                // Work anniversaries 9 months away: the birthday is the first change.
                .body(Profiles.base()
                        .bornOn(birthday.minusYears(31).toString())
                        .recentAround(today, today.minusYears(2).minusMonths(3))
                        .json())
                .put("/api/v1/candidates/{id}/profile", id)
                .then()
                .statusCode(201);

        given().header("Authorization", TestTokens.bearer(TestTokens.READER))
                .get(TIMELINE, id)
                .then()
                .statusCode(403);
        given().get(TIMELINE, id).then().statusCode(401);

        JsonPath answer = given().header("Authorization", TestTokens.bearer(TestTokens.WRITER))
                .get(TIMELINE, id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("candidateId", equalTo(id))
                .body("profileVersion", equalTo(1))
                .body("asOf", equalTo(today.toString()))
                .body("timeline.date", hasItem(birthday.toString()))
                .body("timeline.date", hasItem(testTaken.plusYears(2).toString()))
                .extract()
                .jsonPath();
        List<Map<String, Object>> entries = answer.getList("timeline");
        Map<String, Object> turning31 = entries.get(0);
        assertEquals(birthday.toString(), turning31.get("date"), entries.toString());
        assertEquals(answer.getInt("total") - 6, turning31.get("total"), "age points 105 -> 99 on the birthday");
        assertEquals(true, ((String) turning31.get("change")).startsWith("turns 31"), turning31.toString());
    }

    @Test
    void anUnknownCandidateIs404() {
        given().header("Authorization", TestTokens.bearer(TestTokens.WRITER))
                .get(TIMELINE, "t-unknown-" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
