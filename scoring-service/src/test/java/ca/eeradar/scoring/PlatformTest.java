package ca.eeradar.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import ca.eeradar.localinfra.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class PlatformTest {

    @Test
    void readyOnTheRealBrokerAndDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void apiNeedsAToken() {
        given().when().get("/api/v1/crs/score").then().statusCode(401);
    }
}
