package ca.eeradar.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.localinfra.JwtKeys;
import ca.eeradar.localinfra.TestTokens;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a careless or hostile client may send, against the running services: each is a 4xx problem+json naming
 * what is wrong, and nothing of it is stored or cached.
 */
class BadInputsIT {
    static final E2eStack stack = E2eStack.get();
    private static final String PROFILE = "/api/v1/candidates/{id}/profile";
    private static final String TEST = "{\"test\":\"IELTS_GENERAL\",\"takenOn\":\"2026-01-10\",\"listening\":8.5,"
            + "\"reading\":8.0,\"writing\":7.5,\"speaking\":7.5}";
    private static final String JOB =
            "{\"noc\":\"21231\",\"country\":\"CA\",\"from\":\"2023-01-01\",\"to\":\"2023-02-01\",\"hoursPerWeek\":40}";

    private static String profile() {
        return Profiles.canadianWorker(LocalDate.of(2026, 3, 1), Instant.parse("2026-02-01T10:00:00Z"), false);
    }

    private static String withList(String field, String entry, int n) {
        String list = "[" + String.join(",", java.util.Collections.nCopies(n, entry)) + "]";
        return profile()
                .replaceFirst("\"" + field + "\":\\[[^\\]]*\\]", Matcher.quoteReplacement("\"" + field + "\":" + list));
    }

    private static String id() {
        return "bad-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static void notStored(String id) {
        Api.get(stack.scoring, "profile-writer", PROFILE, id).then().statusCode(404);
    }

    @Test
    void anOversizedBodyIs413AndNothingIsStored() {
        String id = id();
        Api.as(stack.scoring, "profile-writer")
                .body(profile() + " ".repeat(5 * 1024 * 1024))
                .put(PROFILE, id)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ee-radar.local/problems/payload-too-large"));
        notStored(id);
    }

    @Test
    void elevenLanguageTestsAre400NamingTheField() {
        String id = id();
        Api.as(stack.scoring, "profile-writer")
                .body(withList("languageTests", TEST, 11))
                .put(PROFILE, id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("languageTests")));
        notStored(id);
    }

    @Test
    void fortyThousandWorkEntriesAre400NamingTheField() {
        String id = id();
        Api.as(stack.scoring, "profile-writer")
                .body(withList("workExperience", JOB, 40_000))
                .put(PROFILE, id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("workExperience")));
        notStored(id);
    }

    @Test
    void anImportOfFiveThousandProfilesIsRefusedAndNothingIsStored() {
        String profile = profile();
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 5_000; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"candidateId\":\"imp-")
                    .append(run)
                    .append('-')
                    .append(i)
                    .append("\",\"profile\":")
                    .append(profile)
                    .append('}');
        }
        body.append("]}");
        Api.as(stack.scoring, "profile-writer")
                .body(body.toString())
                .post("/api/v1/profile-imports")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ee-radar.local/problems/too-many-items"))
                .body("errors.field", equalTo(List.of("items")));
        notStored("imp-" + run + "-0");
        notStored("imp-" + run + "-999");
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        String id = id();
        given().baseUri(stack.scoring.url())
                .header("Authorization", TestTokens.bearerFor(JwtKeys.QUERY, "profile-writer"))
                .contentType("application/json")
                .body(profile())
                .put(PROFILE, id)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
        given().baseUri(stack.ingest.url())
                .header("Authorization", TestTokens.bearerFor(JwtKeys.QUERY, "draw-admin"))
                .get("/api/v1/draws/1")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        notStored(id);
    }

    @Test
    void anUnknownQueryParameterIs400AndNotCached() {
        double before = servedFromMemory();
        for (int i = 0; i < 2; i++) {
            Api.get(stack.query, "reader", "/api/v1/draws?limit=3&progam=CEC")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("progam")));
        }
        assertEquals(before, servedFromMemory(), "an unknown parameter's request is never answered from the cache");
    }

    private static double servedFromMemory() {
        String metrics = given().baseUri(stack.query.url())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher m = Pattern.compile("(?m)^eeradar_query_answers_from_memory_total(?:\\{[^}]*\\})? ([0-9.eE+]+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
