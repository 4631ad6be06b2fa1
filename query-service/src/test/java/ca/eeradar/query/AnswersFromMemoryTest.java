package ca.eeradar.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import ca.eeradar.query.readmodel.ReadModelVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A GET whose current answer is in memory is served in front of the REST layer (MemoryAnswers):
 * the same bytes and headers as the REST resource's answer, the same role check, the same 304, and the
 * metrics still name the path template, never a candidate id.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class AnswersFromMemoryTest {
    static final String READER = TestTokens.bearer(TestTokens.READER);
    static final String CANDIDATE = "memory-candidate-1";
    static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
    private static boolean seeded;

    @Inject
    ReadModelVersion version;

    @BeforeEach
    void seed() {
        if (!seeded) {
            Draw d = TopicEvents.draw(
                    "7501", LocalDate.of(2075, 3, 5), Draw.RoundType.PROGRAM, Program.CEC, null, 3000, 515, null, 1);
            TopicEvents.draw(d, TopicEvents.at(d));
            Instant at = Instant.parse("2075-03-06T12:00:00Z");
            TopicEvents.scored(new CandidateScored(
                    CANDIDATE,
                    1,
                    LocalDate.of(2075, 3, 6),
                    520,
                    new CandidateScored.Sections(450, 0, 50, 20),
                    "2025-03-25",
                    List.of(Program.CEC),
                    List.of(),
                    List.of(),
                    at));
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> status("/api/v1/draws/7501") == 200
                            && status("/api/v1/candidates/" + CANDIDATE + "/status") == 200);
            seeded = true;
        }
    }

    private static int status(String path) {
        return given().header("Authorization", READER).when().get(path).statusCode();
    }

    private static Response raw(String path, String acceptEncoding) {
        return given().config(RAW)
                .header("Authorization", READER)
                .header("Accept-Encoding", acceptEncoding)
                .when()
                .get(path);
    }

    private static double fromMemory() {
        Matcher m = Pattern.compile("(?m)^eeradar_query_answers_from_memory_total(?:\\{[^}]*})? (\\S+)$")
                .matcher(given().when().get("/q/metrics").asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void answersFromMemoryAreTheRestAnswersByteForByte() {
        for (String path : List.of(
                "/api/v1/draws/7501",
                "/api/v1/draws?from=2075-01-01&to=2075-12-31",
                "/api/v1/candidates/" + CANDIDATE + "/status")) {
            for (String encoding : List.of("gzip", "identity")) {
                // A new read-model version makes the first GET compute (REST layer) and the second come from memory.
                version.changed(null);
                double start = fromMemory();
                Response computed = raw(path, encoding);
                assertEquals(start, fromMemory(), path + ": the first answer was computed");
                Response remembered = raw(path, encoding);
                assertEquals(start + 1, fromMemory(), path + ": the second answer came from memory");
                assertEquals(200, remembered.statusCode());
                assertArrayEquals(computed.asByteArray(), remembered.asByteArray(), path + " " + encoding);
                for (String header :
                        List.of("ETag", "Cache-Control", "Content-Type", "Vary", "Content-Encoding", "X-Data-As-Of")) {
                    assertEquals(
                            computed.header(header), remembered.header(header), path + " " + encoding + " " + header);
                }
                given().header("Authorization", READER)
                        .header("If-None-Match", remembered.header("ETag"))
                        .when()
                        .get(path)
                        .then()
                        .statusCode(304);
            }
        }
    }

    @Test
    void theRoleCheckAndTheMetricsTemplateStay() {
        String path = "/api/v1/candidates/" + CANDIDATE + "/status";
        given().header("Authorization", READER).when().get(path).then().statusCode(200);
        given().header("Authorization", READER).when().get(path).then().statusCode(200);
        given().header("Authorization", TestTokens.bearerFor(ca.eeradar.localinfra.JwtKeys.QUERY, "nobody"))
                .when()
                .get(path)
                .then()
                .statusCode(403);
        given().when().get(path).then().statusCode(401);
        String metrics = given().when().get("/q/metrics").asString();
        assertTrue(metrics.contains("uri=\"/api/v1/candidates/{candidateId}/status\""), "path template in the metrics");
        assertFalse(metrics.contains(CANDIDATE), "no candidate id in the metrics");
    }
}
