package ca.eeradar.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Bad rounds of a feed are kept aside with their reason; the good ones go through. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
@Order(3)
class QuarantineTest {
    static final String ADMIN = TestTokens.bearer(TestTokens.ADMIN);

    static String round(String number, String name, String size, String crs, String date, String cutOff) {
        return """
                {"drawNumber":"%s","drawDate":"%s","drawName":"%s","drawSize":%s,"drawCRS":"%s",
                 "drawText2":"Canadian Experience Class","drawDateTime":"November 2, 2026 at 10:00:00 UTC","drawCutOff":"%s",
                 "drawDistributionAsOn":"November 1, 2026","dd1":"0","dd2":"0","dd3":"0","dd4":"0","dd5":"0","dd6":"0",
                 "dd7":"0","dd8":"0","dd9":"0","dd10":"0","dd11":"0","dd12":"0","dd13":"0","dd14":"0","dd15":"0","dd16":"0",
                 "dd17":"0","dd18":"0"}""".formatted(number, date, name, size, crs, cutOff);
    }

    static final String FEED = "{\"classes\":\"wb-tables\",\"rounds\":["
            + String.join(
                    ",\r\n",
                    round(
                            "9300",
                            "Canadian Experience Class",
                            "\"1,500\"",
                            "515",
                            "2026-11-02",
                            "July 3rd 2026 at 21:35:13 UTC"),
                    round("9301", "Lottery of the Month", "\"1,500\"", "515", "2026-11-02", ""),
                    round("9302", "Canadian Experience Class", "\"-1,500\"", "515", "2026-11-02", ""),
                    round("9303", "Canadian Experience Class", "\"1,500\"", "1,300", "2026-11-02", ""),
                    round("9304", "Canadian Experience Class", "\"1,500\"", "515", "2099-11-02", ""),
                    round("9305", "Canadian Experience Class", "{\"n\":1500}", "515", "2026-11-02", ""),
                    round(
                            "9306",
                            "Canadian Experience Class",
                            "\"1,500\"",
                            "515",
                            "2026-11-02",
                            "the day before yesterday"))
            + "]}";

    static JsonPath post(String feed) {
        return given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(feed)
                .when()
                .post("/api/v1/feeds/ircc")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void badRoundsAreQuarantinedWithTheirReasonAndTheRestIsImported() {
        JsonPath report = post(FEED);
        assertEquals(7, report.getInt("received"));
        assertEquals(1, report.getInt("announced"));
        List<Map<String, String>> held = report.getList("quarantined");
        Map<String, String> reasons =
                held.stream().collect(Collectors.toMap(h -> h.get("number"), h -> h.get("reason")));
        assertEquals(
                List.of("9301", "9302", "9303", "9304", "9305", "9306"),
                held.stream().map(h -> h.get("number")).sorted().toList());
        assertTrue(
                reasons.get("9301").contains("drawName: unknown round name 'Lottery of the Month'"),
                reasons.get("9301"));
        assertTrue(reasons.get("9302").contains("invitations: must be at least 1"), reasons.get("9302"));
        assertTrue(reasons.get("9303").contains("crsCutoff: must be between 0 and 1200"), reasons.get("9303"));
        assertTrue(reasons.get("9304").contains("date: 2099-11-02 is in the future"), reasons.get("9304"));
        assertTrue(reasons.get("9305").contains("drawSize: expected text"), reasons.get("9305"));
        assertTrue(reasons.get("9306").contains("drawCutOff:"), reasons.get("9306"));
        for (String number : reasons.keySet()) {
            given().header("Authorization", ADMIN)
                    .when()
                    .get("/api/v1/draws/" + number)
                    .then()
                    .statusCode(404);
        }
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/draws/9300")
                .then()
                .statusCode(200)
                .body("current.tieBreakAt", equalTo("2026-07-03T21:35:13Z"))
                .body("current.pool", equalTo(null));

        // The same feed again: nothing new, and each bad round stays one quarantine row, seen twice.
        JsonPath again = post(FEED);
        assertEquals(0, again.getInt("announced"));
        assertEquals(1, again.getInt("unchanged"));
        JsonPath list = given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/quarantine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> ours = list.<Map<String, Object>>getList("").stream()
                .filter(q -> String.valueOf(q.get("number")).startsWith("930"))
                .toList();
        assertEquals(6, ours.size());
        assertTrue(ours.stream().allMatch(q -> ((Integer) q.get("seenCount")) == 2));
        Map<String, Object> lottery = ours.stream()
                .filter(q -> "9301".equals(q.get("number")))
                .findFirst()
                .orElseThrow();
        assertEquals("Lottery of the Month", ((Map<?, ?>) lottery.get("raw")).get("drawName"));
        assertEquals("IRCC_FEED", lottery.get("sourceKind"));

        // IRCC fixes the round: it is imported and its quarantine entry resolved.
        post("{\"rounds\":[" + round("9301", "General", "\"1,500\"", "515", "2026-11-02", "") + "]}");
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/draws/9301")
                .then()
                .statusCode(200);
        List<Object> open = given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/quarantine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("number");
        assertTrue(!open.contains("9301") && open.contains("9302"), open.toString());
        given().header("Authorization", ADMIN)
                .queryParam("includeResolved", true)
                .when()
                .get("/api/v1/quarantine")
                .then()
                .statusCode(200)
                .body("find { it.number == '9301' }.resolvedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aDocumentThatIsNotAFeedIsRefusedWhole() {
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body("this is not json")
                .when()
                .post("/api/v1/feeds/ircc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body("{\"rounds\": 5}")
                .when()
                .post("/api/v1/feeds/ircc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("rounds"));
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body("")
                .when()
                .post("/api/v1/feeds/ircc")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void metricsAreExposed() {
        post(FEED);
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String name : List.of(
                "eeradar_ingest_rounds_imported_total",
                "eeradar_ingest_rounds_quarantined_total",
                "eeradar_ingest_outbox_lag_seconds",
                "eeradar_ingest_outbox_pending",
                "eeradar_ingest_feed_poll_failures_total")) {
            assertTrue(metrics.contains(name), name + " in /q/metrics");
        }
        given().when().get("/q/metrics").then().body(containsString("eeradar_ingest_rounds_quarantined_total"));
        double quarantined = metrics.lines()
                .filter(l -> l.startsWith("eeradar_ingest_rounds_quarantined_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
        org.hamcrest.MatcherAssert.assertThat(quarantined, greaterThan(0.0));
    }
}
