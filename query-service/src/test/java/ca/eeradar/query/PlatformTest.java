package ca.eeradar.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class PlatformTest {

    @Test
    void readyOnTheRealBrokerAndDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void apiNeedsAToken() {
        given().when().get("/api/v1/draws/392").then().statusCode(401);
    }

    /** Verified tokens are remembered (kit VerifiedTokens): a forged copy of a known token must still fail. */
    @Test
    void aRememberedTokenCannotBeForgedIntoAnotherRole() {
        String reader = TestTokens.token(TestTokens.READER);
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", "Bearer " + reader)
                    .when()
                    .get("/api/v1/ping")
                    .then()
                    .statusCode(200);
        }
        given().header("Authorization", "Bearer " + reader)
                .when()
                .post("/api/v1/admin/read-model/rebuild")
                .then()
                .statusCode(403);
        String[] parts = reader.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + TestTokens.READER + "\"", "\"" + TestTokens.ADMIN + "\"");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        given().header("Authorization", "Bearer " + forged)
                .when()
                .post("/api/v1/admin/read-model/rebuild")
                .then()
                .statusCode(401);
    }
}
