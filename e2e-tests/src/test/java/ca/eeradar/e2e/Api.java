package ca.eeradar.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The services' HTTP APIs, as a client with the right role calls them. */
final class Api {
    private Api() {}

    static RequestSpecification as(ServiceProcess service, String role) {
        return given().baseUri(service.url())
                .header("Authorization", E2eStack.bearer(role))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    static Response get(ServiceProcess service, String role, String path, Object... pathParams) {
        return as(service, role).get(path, pathParams);
    }
}
