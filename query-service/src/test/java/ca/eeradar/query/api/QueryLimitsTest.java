package ca.eeradar.query.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.eeradar.localinfra.JwtKeys;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query API refuses what it does not understand before computing or caching an answer. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class QueryLimitsTest {
    private static final String READER = TestTokens.bearer(TestTokens.READER);

    @Inject
    AnswerCache cache;

    @Test
    void anUnknownQueryParameterIs400NamingItAndNothingIsCached() {
        given().header("Authorization", READER)
                .get("/api/v1/draws?limit=2")
                .then()
                .statusCode(200);
        assertNotNull(cache.current("/api/v1/draws?limit=2"), "a valid request's answer is kept");

        given().header("Authorization", READER)
                .get("/api/v1/draws?limit=2&progam=CEC&zz=1")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ee-radar.local/problems/invalid-request"))
                .body("errors.field", equalTo(List.of("progam", "zz")))
                .body("errors[0].message", containsString("program"));
        assertNull(cache.current("/api/v1/draws?limit=2&progam=CEC&zz=1"));
        // The map of parameters ignores case; the check does not, so a variant spelling is no new cache key.
        given().header("Authorization", READER)
                .get("/api/v1/draws?LIMIT=2")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("LIMIT")));
        assertNull(cache.current("/api/v1/draws?LIMIT=2"));
    }

    @Test
    void aTokenForAnotherServiceIs401Problem() {
        given().header("Authorization", TestTokens.bearerFor(JwtKeys.SCORING, TestTokens.READER))
                .get("/api/v1/draws?limit=2")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("type", equalTo("https://ee-radar.local/problems/unauthorized"));
        given().header("Authorization", TestTokens.bearerFor(JwtKeys.QUERY, TestTokens.READER))
                .get("/api/v1/draws?limit=2")
                .then()
                .statusCode(200);
    }

    @Test
    void aBodyOverTheQueryServiceLimitIs413Problem() {
        given().header("Authorization", TestTokens.bearer(TestTokens.ADMIN))
                .contentType("application/json")
                .body("{\"x\":\"" + "a".repeat(70 * 1024) + "\"}")
                .post("/api/v1/draws")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ee-radar.local/problems/payload-too-large"));
    }
}
