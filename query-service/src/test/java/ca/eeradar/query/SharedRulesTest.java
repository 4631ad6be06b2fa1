package ca.eeradar.query;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.rules.RuleCases;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Query accepts and refuses exactly the round numbers and candidate ids that ingest and scoring do (rules in
 * contracts): a valid value that names nothing stored is 404, an invalid one 400 naming the parameter.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class SharedRulesTest {
    private static final String READER = TestTokens.bearer(TestTokens.READER);

    @Test
    void roundNumbers() {
        for (String number : RuleCases.VALID_ROUND_NUMBERS) {
            // Accepted: found (another test may store it) or not found, never refused.
            int status = get("/api/v1/draws/{p}", number).statusCode();
            assertTrue(status == 200 || status == 404, number + " -> " + status);
        }
        for (String number : RuleCases.INVALID_ROUND_NUMBERS) {
            if (number.isEmpty()) {
                continue; // "" is another path (the list of rounds), not a round number
            }
            Response r = get("/api/v1/draws/{p}", number);
            assertEquals(400, r.statusCode(), number);
            assertEquals("number", r.jsonPath().getString("errors[0].field"), number);
        }
    }

    @Test
    void candidateIds() {
        for (String id : RuleCases.VALID_CANDIDATE_IDS) {
            // Accepted: found (another test may store it) or not found, never refused.
            int status = get("/api/v1/candidates/{p}/status", id).statusCode();
            assertTrue(status == 200 || status == 404, id + " -> " + status);
        }
        assertEquals(
                404,
                get("/api/v1/candidates/{p}/status", RuleCases.LONGEST_CANDIDATE_ID)
                        .statusCode());
        for (String id : RuleCases.INVALID_CANDIDATE_IDS) {
            if (id.isEmpty()) {
                continue; // "" is another path, not a candidate id
            }
            Response r = get("/api/v1/candidates/{p}/status", id);
            assertEquals(400, r.statusCode(), id);
            assertEquals("candidateId", r.jsonPath().getString("errors[0].field"), id);
        }
    }

    private static Response get(String path, String param) {
        return given().urlEncodingEnabled(true).header("Authorization", READER).get(path, param);
    }
}
