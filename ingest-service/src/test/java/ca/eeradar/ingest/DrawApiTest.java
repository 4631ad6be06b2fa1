package ca.eeradar.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.EventTypes;
import ca.eeradar.kit.outbox.OutboxRelay;
import ca.eeradar.localinfra.JwtKeys;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Announcing and correcting a round by hand, and every way a request can be wrong. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
@Order(2)
class DrawApiTest {
    static final String ADMIN = TestTokens.bearer(TestTokens.ADMIN);
    static final String PROBLEM = "application/problem+json";

    @Inject
    OutboxRelay relay;

    static String round(String number, int cutoff) {
        return """
                {"number": "%s", "date": "2026-11-20", "drawnAt": "2026-11-20T14:00:00Z", "name": "Canadian Experience Class",
                 "invitations": 3000, "crsCutoff": %d, "tieBreakAt": "2026-07-03T21:35:13Z",
                 "pool": {"asOf": "2026-11-16", "bands": [{"min": 501, "max": 1200, "count": 10000},
                          {"min": 0, "max": 500, "count": 200000}]}}""".formatted(number, cutoff);
    }

    @Test
    void onlyDrawAdminsMayWriteOrRead() {
        given().contentType("application/json")
                .body(round("9001", 520))
                .when()
                .post("/api/v1/draws")
                .then()
                .statusCode(401);
        for (String role : List.of(TestTokens.READER, TestTokens.WRITER)) {
            // Their own tokens are not meant for ingest at all (aud): refused before any role check.
            given().header("Authorization", TestTokens.bearer(role))
                    .when()
                    .get("/api/v1/draws/1")
                    .then()
                    .statusCode(401)
                    .contentType(PROBLEM);
            // Even a token naming ingest is refused for lack of the role.
            String forIngest = TestTokens.bearerFor(JwtKeys.INGEST, role);
            given().header("Authorization", forIngest)
                    .contentType("application/json")
                    .body(round("9001", 520))
                    .when()
                    .post("/api/v1/draws")
                    .then()
                    .statusCode(403);
            given().header("Authorization", forIngest)
                    .when()
                    .get("/api/v1/draws/1")
                    .then()
                    .statusCode(403);
            given().header("Authorization", forIngest)
                    .when()
                    .get("/api/v1/quarantine")
                    .then()
                    .statusCode(403);
            given().header("Authorization", forIngest)
                    .contentType("application/json")
                    .body("{}")
                    .when()
                    .post("/api/v1/feeds/ircc")
                    .then()
                    .statusCode(403);
        }
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/draws/9001")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void announceOnceThenTheSameIsNothingAndDifferentFactsConflict() {
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(round("9001", 520))
                .when()
                .post("/api/v1/draws")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/draws/9001"))
                .body("revision", equalTo(1))
                .body("roundType", equalTo("PROGRAM"))
                .body("program", equalTo("CEC"))
                .body("eligiblePrograms", equalTo(List.of("CEC")))
                .body("pool.total", equalTo(210000))
                .body("source.kind", equalTo("MANUAL"));
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(round("9001", 520))
                .when()
                .post("/api/v1/draws")
                .then()
                .statusCode(200)
                .body("revision", equalTo(1));
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(round("9001", 519))
                .when()
                .post("/api/v1/draws")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("PUT /api/v1/draws/9001"));

        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(round("9001", 519))
                .when()
                .put("/api/v1/draws/9001")
                .then()
                .statusCode(200)
                .header("ETag", "\"r2\"")
                .body("revision", equalTo(2))
                .body("crsCutoff", equalTo(519));
        given().header("Authorization", ADMIN)
                .header("If-Match", "\"r1\"")
                .contentType("application/json")
                .body(round("9001", 518))
                .when()
                .put("/api/v1/draws/9001")
                .then()
                .statusCode(412)
                .contentType(PROBLEM);
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(round("9001", 519))
                .when()
                .put("/api/v1/draws/9001")
                .then()
                .statusCode(200)
                .body("revision", equalTo(2));
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(round("9999", 519))
                .when()
                .put("/api/v1/draws/9999")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/draws/9001")
                .then()
                .statusCode(200)
                .body("revisions.revision", equalTo(List.of(1, 2)))
                .body("revisions.crsCutoff", equalTo(List.of(520, 519)));

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            relay.relay();
            List<DrawsTopic.Event> events = DrawsTopic.forKey(DrawsTopic.readAll(), "9001");
            assertEquals(
                    List.of("draw-9001-r1", "draw-9001-r2"),
                    events.stream().map(e -> e.ce().id()).toList());
            assertEquals(
                    List.of(EventTypes.DRAW_ANNOUNCED, EventTypes.DRAW_CORRECTED),
                    events.stream().map(e -> e.ce().type()).toList());
            // The trace of the operator's request goes on in the consumers (W3C traceparent header).
            assertTrue(
                    events.stream()
                            .allMatch(e -> e.traceparent() != null
                                    && e.traceparent().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")),
                    events.toString());
        });
    }

    @Test
    void aCategoryRoundTakesItsMeaningFromTheName() {
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body("""
                {"number": "9002", "date": "2026-11-19", "name": "Researchers with Canadian Work Experience, 2026-Version 1",
                 "invitations": 150, "crsCutoff": 431, "reference": "IRCC announcement"}""")
                .when()
                .post("/api/v1/draws")
                .then()
                .statusCode(201)
                .body("roundType", equalTo("CATEGORY"))
                .body("category", equalTo("RESEARCHERS_CANADIAN_EXPERIENCE"))
                .body("categoryVersion", equalTo("2026-Version 1"))
                .body("eligiblePrograms", equalTo(List.of("FSW", "CEC", "FST")))
                .body("tieBreakAt", equalTo(null))
                .body("pool", equalTo(null))
                .body("source.reference", equalTo("IRCC announcement"));
    }

    /** One bad field at a time: 400 problem+json naming it, and nothing written. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                | {"number": "9100", "date":                                                  | body
            not an object           | [1, 2, 3]                                                                   | body
            invitations as text     | {"number":"9100","date":"2026-11-20","name":"General","invitations":"many","crsCutoff":500} | invitations
            date as a number        | {"number":"9100","date":20261120,"name":"General","invitations":100,"crsCutoff":500}       | date
            negative invitations    | {"number":"9100","date":"2026-11-20","name":"General","invitations":-5,"crsCutoff":500}    | invitations
            cutoff above 1200       | {"number":"9100","date":"2026-11-20","name":"General","invitations":100,"crsCutoff":1201}  | crsCutoff
            date in the future      | {"number":"9100","date":"2099-01-01","name":"General","invitations":100,"crsCutoff":500}   | date
            unknown round name      | {"number":"9100","date":"2026-11-20","name":"Lottery","invitations":100,"crsCutoff":500}   | name
            unknown field           | {"number":"9100","date":"2026-11-20","name":"General","invitations":100,"crsCutoff":500,"cutoff":1} | cutoff
            bad number              | {"number":"-1","date":"2026-11-20","name":"General","invitations":100,"crsCutoff":500}     | number
            bad program             | {"number":"9100","date":"2026-11-20","name":"General","invitations":100,"crsCutoff":500,"eligiblePrograms":["XYZ"]} | eligiblePrograms[0]
            bad time                | {"number":"9100","date":"2026-11-20","name":"General","invitations":100,"crsCutoff":500,"tieBreakAt":"yesterday"} | tieBreakAt
            bad band                | {"number":"9100","date":"2026-11-20","name":"General","invitations":100,"crsCutoff":500,"pool":{"asOf":"2026-11-19","bands":[{"min":0,"max":300,"count":"x"}]}} | pool.bands[0].count
            roundType disagrees     | {"number":"9100","date":"2026-11-20","name":"General","invitations":100,"crsCutoff":500,"roundType":"CATEGORY"} | roundType
            missing cutoff          | {"number":"9100","date":"2026-11-20","name":"General","invitations":100}                   | crsCutoff
            """)
    void malformedRoundsAreRefusedWhole(String what, String body, String field) {
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/draws")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/draws/9100")
                .then()
                .statusCode(404);
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        String future = LocalDate.now().plusDays(3).toString();
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body("""
                {"number": "9101", "date": "%s", "name": "Lottery", "invitations": -1, "crsCutoff": 1500, "drawnAt": 5}""".formatted(future))
                .when()
                .post("/api/v1/draws")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("date", "name", "invitations", "crsCutoff", "drawnAt"));
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(round("9102", 500).replace("9102", "9103"))
                .when()
                .put("/api/v1/draws/9102")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("number")));
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/draws/9101")
                .then()
                .statusCode(404);
    }
}
