package ca.eeradar.scoring.score;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.crs.CanadianCredential;
import ca.eeradar.crs.CanadianStudyTest;
import ca.eeradar.crs.CrsVectors;
import ca.eeradar.crs.EducationLevel;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@QuarkusTestResource(
        value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class CrsScoreEndpointTest {
    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Stream<CrsVectors.Vector> vectors() {
        return CrsVectors.load().stream();
    }

    /** Every vector of shared/domain/crs-vectors.json through HTTP, section by section. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vectorThroughTheEndpoint(CrsVectors.Vector vector) throws Exception {
        String body = JSON.writeValueAsString(vector.profile());
        String answer = given().header("Authorization", TestTokens.bearer(TestTokens.READER))
                .contentType(ContentType.JSON)
                .body(body)
                .queryParam("asOf", CrsVectors.AS_OF.toString())
                .when()
                .post("/api/v1/crs/score")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("asOf", equalTo(CrsVectors.AS_OF.toString()))
                .body("rulesVersion", equalTo("2025-03-25"))
                .extract()
                .asString();
        JsonNode actual = JSON.readTree(answer);
        JsonNode expected = vector.expected();
        assertEquals(
                expected.get("scoredWithSpouse").asBoolean(),
                actual.get("scoredWithSpouse").asBoolean(),
                vector.id() + " scoredWithSpouse");
        for (String section : List.of("core", "spouse", "transferability", "additional")) {
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>)
                    () -> expected.get(section).fields()) {
                assertEquals(
                        e.getValue().asInt(),
                        actual.get(section).get(e.getKey()).asInt(),
                        vector.id() + " " + section + "." + e.getKey());
            }
        }
        assertEquals(expected.get("total").asInt(), actual.get("total").asInt(), vector.id() + " total");
    }

    /** Issue 18 through HTTP: the Canadian credential alone decides the Canadian-study points (CanadianStudyTest). */
    @ParameterizedTest(name = "{0}: {1} points, total {2}")
    @CsvSource({"ONE_OR_TWO_YEARS, 15, 374", "THREE_YEARS_OR_MORE, 30, 389", "NONE, 0, 359"})
    void canadianStudyFollowsTheCanadianCredentialNotTheHighestDegree(
            CanadianCredential credential, int points, int total) throws Exception {
        LocalDate asOf = LocalDate.of(2026, 6, 15);
        String body = JSON.writeValueAsString(CanadianStudyTest.fortyYearOld(EducationLevel.MASTERS, credential, asOf));
        given().header("Authorization", TestTokens.bearer(TestTokens.READER))
                .contentType(ContentType.JSON)
                .body(body)
                .queryParam("asOf", asOf.toString())
                .when()
                .post("/api/v1/crs/score")
                .then()
                .statusCode(200)
                .body("rulesVersion", equalTo("2025-03-25"))
                .body("core.age", equalTo(CanadianStudyTest.AGE_40_SINGLE))
                .body("core.education", equalTo(CanadianStudyTest.MASTERS_SINGLE))
                .body("additional.canadianStudy", equalTo(points))
                .body("additional.subtotal", equalTo(points))
                .body("total", equalTo(total))
                .body("total", equalTo(CanadianStudyTest.WITHOUT_CANADIAN_STUDY + points));
    }

    private static final String VALID = """
            {"profileSubmittedAt":"2025-05-01T10:00:00Z","dateOfBirth":"1996-04-12","maritalStatus":"SINGLE","spouse":null,
             "education":{"level":"MASTERS","canadianCredential":"NONE","ecaIssuedOn":"2024-01-01"},
             "languageTests":[{"test":"IELTS_GENERAL","takenOn":"2025-01-10","listening":8.0,"reading":7.0,"writing":7.0,"speaking":7.0}],
             "firstOfficialLanguage":"ENGLISH",
             "workExperience":[{"noc":"21231","country":"CA","from":"2023-01-01","to":null,"hoursPerWeek":30}],
             "certificateOfQualification":null,"siblingInCanada":false,"provincialNomination":null,"jobOffer":null}""";

    @Test
    void fullAnswerForTheIssueExample() {
        given().header("Authorization", TestTokens.bearer(TestTokens.WRITER))
                .contentType(ContentType.JSON)
                .body(VALID)
                .queryParam("asOf", "2026-01-15")
                .when()
                .post("/api/v1/crs/score")
                .then()
                .statusCode(200)
                .body("rulesVersion", equalTo("2025-03-25"))
                .body("scoredWithSpouse", equalTo(false))
                .body("core.age", equalTo(110))
                .body("core.education", equalTo(135))
                // IELTS L 8.0 = CLB 9, R 7.0 = CLB 9, W 7.0 = CLB 9, S 7.0 = CLB 9
                .body("languages.first.language", equalTo("ENGLISH"))
                .body("languages.first.listening", equalTo(9))
                .body("core.firstLanguage", equalTo(124))
                .body("core.canadianWork", equalTo(64))
                .body("transferability.educationLanguage", equalTo(50))
                .body("transferability.educationCanadianWork", equalTo(50))
                .body("transferability.educationSubtotal", equalTo(50))
                .body("total", equalTo(110 + 135 + 124 + 64 + 50))
                .body("eligibility.programs", hasItems("CEC", "FSW"))
                // 21231 (software engineers) left the STEM list in 2025: no category
                .body("eligibility.categories", org.hamcrest.Matchers.hasSize(0))
                .body("eligibility.fswGrid.passMark", equalTo(67))
                .body("timeline[0].date", notNullValue())
                .body("timeline.change", hasItem(containsString("English test of 2025-01-10 expires")))
                .body("warnings", notNullValue());
    }

    @Test
    void everyBadFieldIsNamed() {
        String bad = """
                {"profileSubmittedAt":"2025-05-01T10:00:00Z","dateOfBirth":"2999-01-01","maritalStatus":"SINGLE",
                 "spouse":{"accompanying":true,"canadianCitizenOrPermanentResident":false,"education":{"level":"BACHELORS"}},
                 "education":{"level":"MASTERS","canadianCredential":"NONE","ecaIssuedOn":"2024-01-01"},
                 "languageTests":[{"test":"IELTS_GENERAL","takenOn":"2025-01-10","listening":9.5,"reading":7.25,"writing":7.0,"speaking":null},
                                  {"test":"TCF_CANADA","takenOn":"2025-01-10","listening":500,"reading":500,"writing":21,"speaking":12}],
                 "workExperience":[{"noc":"2123","country":"Canada","from":"2023-01-01","to":"2022-01-01","hoursPerWeek":0}],
                 "siblingInCanada":false,"provincialNomination":{"province":"QC","nominatedOn":"2025-01-01"}}""";
        given().header("Authorization", TestTokens.bearer(TestTokens.READER))
                .contentType(ContentType.JSON)
                .body(bad)
                .when()
                .post("/api/v1/crs/score")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body(
                        "errors.field",
                        hasItems(
                                "dateOfBirth",
                                "spouse",
                                "languageTests[0].listening",
                                "languageTests[0].reading",
                                "languageTests[0].speaking",
                                "languageTests[1].writing",
                                "workExperience[0].noc",
                                "workExperience[0].country",
                                "workExperience[0].to",
                                "workExperience[0].hoursPerWeek",
                                "provincialNomination.province"));
    }

    @Test
    void unknownEnumIsA400NamingTheField() {
        given().header("Authorization", TestTokens.bearer(TestTokens.READER))
                .contentType(ContentType.JSON)
                .body(VALID.replace("\"MASTERS\"", "\"PHD\""))
                .when()
                .post("/api/v1/crs/score")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("education.level"))
                .body("errors[0].message", containsString("DOCTORAL"));
    }

    @Test
    void badAsOfIsA400() {
        given().header("Authorization", TestTokens.bearer(TestTokens.READER))
                .contentType(ContentType.JSON)
                .body(VALID)
                .queryParam("asOf", "2014-12-31")
                .when()
                .post("/api/v1/crs/score")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("asOf"));
        given().header("Authorization", TestTokens.bearer(TestTokens.READER))
                .contentType(ContentType.JSON)
                .body(VALID)
                .queryParam("asOf", "yesterday")
                .when()
                .post("/api/v1/crs/score")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("asOf"));
    }

    @Test
    void needsABearerTokenWithARole() {
        given().contentType(ContentType.JSON)
                .body(VALID)
                .when()
                .post("/api/v1/crs/score")
                .then()
                .statusCode(401);
        given().header("Authorization", TestTokens.bearerFor(ca.eeradar.localinfra.JwtKeys.SCORING, "someone-else"))
                .contentType(ContentType.JSON)
                .body(VALID)
                .when()
                .post("/api/v1/crs/score")
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.bearer(TestTokens.ADMIN))
                .contentType(ContentType.JSON)
                .body(VALID)
                .when()
                .post("/api/v1/crs/score")
                .then()
                .statusCode(200);
    }

    @Test
    void openApiDescribesTheProfileAndTheAnswer() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/crs/score'.post.summary", equalTo("Score a profile"))
                .body("components.schemas.Profile.properties.languageTests", notNullValue())
                .body("components.schemas.ScoreReport.properties.transferability", notNullValue())
                .body("components.schemas.EducationLevel.enum", hasItem("DOCTORAL"))
                .body(
                        "components.schemas.Education.properties.canadianCredential.description",
                        equalTo(ProfileSchemaDescriptions.CANADIAN_CREDENTIAL))
                .body(
                        "components.schemas.Education.properties.level.description",
                        equalTo(ProfileSchemaDescriptions.LEVEL));
    }
}
