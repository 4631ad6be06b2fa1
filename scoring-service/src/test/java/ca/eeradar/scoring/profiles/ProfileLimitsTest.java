package ca.eeradar.scoring.profiles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import ca.eeradar.localinfra.JwtKeys;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import ca.eeradar.scoring.evaluation.Profiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bounds on what one request may carry: list sizes, body size, import size, audience, query parameters. */
@QuarkusTest
@QuarkusTestResource(
        value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class ProfileLimitsTest {
    private static final String WRITER = TestTokens.bearer(TestTokens.WRITER);
    private static final String PROFILE = "/api/v1/candidates/{id}/profile";
    private static final String IMPORT = "/api/v1/profile-imports";

    private static List<Map<String, Object>> tests(int n) {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("test", "IELTS_GENERAL");
            t.put("takenOn", "2026-01-10");
            t.put("listening", 8.5);
            t.put("reading", 8.0);
            t.put("writing", 7.5);
            t.put("speaking", 7.5);
            tests.add(t);
        }
        return tests;
    }

    private static List<Map<String, Object>> jobs(int n) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("noc", "21231");
            w.put("country", "CA");
            w.put("from", "2023-01-01");
            w.put("to", "2023-02-01");
            w.put("hoursPerWeek", 40);
            jobs.add(w);
        }
        return jobs;
    }

    private static String id() {
        return "lim-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void elevenLanguageTestsAre400NamingTheFieldAndNothingIsStored() {
        String id = id();
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(Profiles.base().with("languageTests", tests(11)).json())
                .put(PROFILE, id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ee-radar.local/problems/invalid-request"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("languageTests"))
                .body("errors[0].message", equalTo("at most 10 entries (11 given)"));
        given().header("Authorization", WRITER).get(PROFILE, id).then().statusCode(404);
    }

    @Test
    void tenLanguageTestsAndFiftyJobsAreAccepted() {
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(Profiles.base()
                        .with("languageTests", tests(10))
                        .with("workExperience", jobs(50))
                        .json())
                .put(PROFILE, id())
                .then()
                .statusCode(201);
    }

    @Test
    void fortyThousandJobsAre400NamingTheFieldAndNothingIsStored() {
        String id = id();
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(Profiles.base().with("workExperience", jobs(40_000)).json())
                .put(PROFILE, id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("workExperience")))
                .body("errors[0].message", equalTo("at most 50 entries (40000 given)"));
        given().header("Authorization", WRITER).get(PROFILE, id).then().statusCode(404);
    }

    @Test
    void anImportedItemOverTheListLimitIsNamedByItsPathAndNothingIsStored() {
        String ok = id();
        String bad = id();
        String body = "{\"items\":[{\"candidateId\":\"" + ok + "\",\"profile\":"
                + Profiles.base().json() + "}," + "{\"candidateId\":\"" + bad + "\",\"profile\":"
                + Profiles.base().with("languageTests", tests(11)).json() + "}]}";
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(body)
                .post(IMPORT)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("items[1].profile.languageTests")));
        given().header("Authorization", WRITER).get(PROFILE, ok).then().statusCode(404);
    }

    @Test
    void fiveThousandImportedProfilesAreRefusedWhileStreamingAndNothingIsStored() {
        String profile = Profiles.base().json();
        List<String> ids = new ArrayList<>();
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 5_000; i++) {
            ids.add(id());
            body.append(i == 0 ? "" : ",")
                    .append("{\"candidateId\":\"")
                    .append(ids.get(i))
                    .append("\",\"profile\":")
                    .append(profile)
                    .append('}');
        }
        body.append("]}");
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(body.toString())
                .post(IMPORT)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ee-radar.local/problems/too-many-items"))
                .body("errors.field", equalTo(List.of("items")));
        given().header("Authorization", WRITER).get(PROFILE, ids.get(0)).then().statusCode(404);
        given().header("Authorization", WRITER)
                .get(PROFILE, ids.get(999))
                .then()
                .statusCode(404);
    }

    @Test
    void aBodyOverTheServiceLimitIs413ProblemAndNothingIsStored() {
        String id = id();
        // A valid profile padded past 4 MiB with blanks: refused for its size alone.
        String body = Profiles.base().json() + " ".repeat(4 * 1024 * 1024 + 1);
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(body)
                .put(PROFILE, id)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
        given().header("Authorization", WRITER).get(PROFILE, id).then().statusCode(404);
    }

    @Test
    void aTokenForAnotherServiceIs401Problem() {
        String id = id();
        given().header("Authorization", TestTokens.bearerFor(JwtKeys.QUERY, TestTokens.WRITER))
                .contentType("application/json")
                .body(Profiles.base().json())
                .put(PROFILE, id)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("detail", containsString("not meant for this service"));
        given().header("Authorization", WRITER).get(PROFILE, id).then().statusCode(404);
        given().header("Authorization", TestTokens.bearerFor(JwtKeys.SCORING, TestTokens.WRITER))
                .get(PROFILE, id)
                .then()
                .statusCode(404);
    }

    @Test
    void anUnknownQueryParameterIs400NamingIt() {
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(Profiles.base().json())
                .post("/api/v1/crs/score?asOf=2026-03-01&asof=2026-03-01")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("asof")))
                .body("errors[0].message", containsString("asOf"));
    }
}
