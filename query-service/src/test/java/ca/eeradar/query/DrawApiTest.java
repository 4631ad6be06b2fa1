package ca.eeradar.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The draw list, latest, stats and HTTP caching over 27 rounds of 2070 (numbers 70xx, two of them
 * "7010a"/"7010b" on the same day as IRCC's 91a/91b). Every query is bounded to 2070 so rounds of
 * other test classes in the same read model do not matter.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class DrawApiTest {
    static final String READER = TestTokens.bearer(TestTokens.READER);
    static final String YEAR = "from=2070-01-01&to=2070-12-31";
    static final List<Draw> ROUNDS = rounds();
    private static boolean seeded;

    static List<Draw> rounds() {
        List<Draw> rounds = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            LocalDate date = LocalDate.of(2070, 1, 1).plusDays(i * 7L);
            String number = i == 10 ? "7010a" : String.valueOf(7000 + i);
            Draw.RoundType type = Draw.RoundType.values()[i % 3];
            rounds.add(TopicEvents.draw(
                    number,
                    date,
                    type,
                    type == Draw.RoundType.PROGRAM ? Program.CEC : null,
                    type == Draw.RoundType.CATEGORY ? Category.STEM : null,
                    1000 + i,
                    400 + (i * 37) % 101,
                    null,
                    1));
            if (i == 10) {
                rounds.add(
                        TopicEvents.draw("7010b", date, Draw.RoundType.PROGRAM, Program.PNP, null, 500, 700, null, 1));
            }
        }
        rounds.add(TopicEvents.draw(
                "7026", LocalDate.of(2070, 12, 30), Draw.RoundType.PROGRAM, Program.FSW, null, 600, 431, null, 1));
        return rounds;
    }

    @BeforeEach
    void seed() {
        if (!seeded) {
            ROUNDS.forEach(d -> TopicEvents.draw(d, TopicEvents.at(d)));
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> count("/api/v1/draws?" + YEAR + "&limit=10") == ROUNDS.size());
            seeded = true;
        }
    }

    static Response get(String path) {
        return given().header("Authorization", READER).when().get(path);
    }

    /** Walks every page of a list and answers the numbers in the order served. */
    static List<String> walk(String path) {
        List<String> numbers = new ArrayList<>();
        String cursor = null;
        do {
            Response r = get(path + (cursor == null ? "" : "&cursor=" + cursor));
            r.then().statusCode(200);
            numbers.addAll(r.jsonPath().getList("items.number"));
            cursor = r.jsonPath().getString("nextCursor");
        } while (cursor != null);
        return numbers;
    }

    static int count(String path) {
        return walk(path).size();
    }

    static List<String> newestFirst(List<Draw> rounds) {
        return rounds.stream()
                .sorted(Comparator.comparing(Draw::date)
                        .thenComparing(
                                d -> d.number().replaceAll("[a-z]", ""), Comparator.comparingInt(Integer::parseInt))
                        .thenComparing(Draw::number)
                        .reversed())
                .map(Draw::number)
                .toList();
    }

    @Test
    void pagesWalkEveryRoundNewestFirstWithNoGapOrRepeat() {
        for (int limit : new int[] {1, 4, 7, 10}) {
            List<String> served = walk("/api/v1/draws?" + YEAR + "&limit=" + limit);
            assertEquals(newestFirst(ROUNDS), served, "limit " + limit);
            assertEquals(served.size(), new HashSet<>(served).size());
        }
        // IRCC's letter order within one day: b is newer than a
        List<String> all = walk("/api/v1/draws?" + YEAR + "&limit=10");
        assertEquals(all.indexOf("7010b") + 1, all.indexOf("7010a"));
    }

    @Test
    void limitIsCappedAndDefaulted() {
        Response capped = get("/api/v1/draws?" + YEAR + "&limit=1000");
        capped.then().statusCode(200);
        assertEquals(10, capped.jsonPath().getList("items").size());
        assertNotNull(capped.jsonPath().getString("nextCursor"));
        Response last = get("/api/v1/draws?from=2070-12-01&to=2070-12-31");
        assertEquals(List.of("7026"), last.jsonPath().getList("items.number"));
        assertNull(last.jsonPath().getString("nextCursor"));
    }

    @Test
    void filtersByRoundTypeProgramCategoryAndDates() {
        List<String> cec = walk("/api/v1/draws?" + YEAR + "&roundType=PROGRAM&program=CEC");
        assertEquals(
                newestFirst(
                        ROUNDS.stream().filter(d -> d.program() == Program.CEC).toList()),
                cec);
        List<String> stem = walk("/api/v1/draws?" + YEAR + "&category=STEM&limit=3");
        assertEquals(
                newestFirst(ROUNDS.stream()
                        .filter(d -> d.category() == Category.STEM)
                        .toList()),
                stem);
        List<String> march = walk("/api/v1/draws?from=2070-03-01&to=2070-03-31");
        assertEquals(
                newestFirst(ROUNDS.stream()
                        .filter(d -> d.date().getMonthValue() == 3)
                        .toList()),
                march);
        get("/api/v1/draws?" + YEAR + "&category=STEM").then().body("items.category", everyItem(equalTo("STEM")));
    }

    @Test
    void badParametersAreNamed() {
        Response r = get("/api/v1/draws?roundType=FOO&from=2070-13-01&limit=0&category=NURSES");
        r.then().statusCode(400).header("Content-Type", containsString("application/problem+json"));
        assertThat(r.jsonPath().getList("errors.field"), hasItems("roundType", "from", "limit", "category"));
        get("/api/v1/draws?cursor=not-a-cursor").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        get("/api/v1/draws?from=2070-05-01&to=2070-01-01")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        get("/api/v1/draws?limit=ten").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        get("/api/v1/draws/stats?groupBy=decade").then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        get("/api/v1/draws/latest?program=XYZ").then().statusCode(400).body("errors[0].field", equalTo("program"));
    }

    @Test
    void latestHonoursTheFilters() {
        Draw newestStem = ROUNDS.stream()
                .filter(d -> d.category() == Category.STEM)
                .max(Comparator.comparing(Draw::date))
                .orElseThrow();
        get("/api/v1/draws/latest?roundType=CATEGORY&category=STEM")
                .then()
                .statusCode(200)
                .body("number", equalTo(newestStem.number()))
                .body("revisions", equalTo(1));
        // the same round as the head of the list with the same filters (PROGRAM rounds of later years exist in other
        // classes)
        String head = get("/api/v1/draws?roundType=PROGRAM&program=PNP&limit=1")
                .jsonPath()
                .getString("items[0].number");
        get("/api/v1/draws/latest?roundType=PROGRAM&program=PNP")
                .then()
                .statusCode(200)
                .body("number", equalTo(head))
                .body("program", equalTo("PNP"));
        get("/api/v1/draws/latest?category=SKILLED_MILITARY_RECRUITS")
                .then()
                .statusCode(404)
                .header("Content-Type", containsString("application/problem+json"));
    }

    @Test
    void statsPerCategoryAndProgramWithMedian() {
        Response byCategory = get("/api/v1/draws/stats?groupBy=category&" + YEAR);
        byCategory.then().statusCode(200);
        List<Draw> stem =
                ROUNDS.stream().filter(d -> d.category() == Category.STEM).toList();
        assertGroup(byCategory.jsonPath(), "STEM", stem);
        assertEquals(1, byCategory.jsonPath().getList("groups").size());

        JsonPath byProgram = get("/api/v1/draws/stats?groupBy=program&" + YEAR).jsonPath();
        assertEquals(List.of("CEC", "FSW", "GENERAL", "PNP"), byProgram.getList("groups.group"));
        assertGroup(
                byProgram,
                "CEC",
                ROUNDS.stream().filter(d -> d.program() == Program.CEC).toList());
        assertGroup(
                byProgram,
                "GENERAL",
                ROUNDS.stream()
                        .filter(d -> d.roundType() == Draw.RoundType.GENERAL)
                        .toList());

        JsonPath byYear = get("/api/v1/draws/stats?" + YEAR).jsonPath();
        assertGroup(byYear, "2070", ROUNDS);
    }

    static void assertGroup(JsonPath stats, String group, List<Draw> rounds) {
        Map<String, Object> g = stats.getMap("groups.find { it.group == '" + group + "' }");
        assertNotNull(g, group);
        List<Integer> cutoffs = rounds.stream().map(Draw::crsCutoff).sorted().toList();
        int n = cutoffs.size();
        double median = n % 2 == 1 ? cutoffs.get(n / 2) : (cutoffs.get(n / 2 - 1) + cutoffs.get(n / 2)) / 2.0;
        assertEquals(n, ((Number) g.get("rounds")).intValue(), group);
        assertEquals(
                rounds.stream().mapToLong(Draw::invitations).sum(), ((Number) g.get("invitations")).longValue(), group);
        assertEquals(cutoffs.get(0), ((Number) g.get("minCutoff")).intValue(), group);
        assertEquals(median, ((Number) g.get("medianCutoff")).doubleValue(), 0.0, group);
        assertEquals(cutoffs.get(n - 1), ((Number) g.get("maxCutoff")).intValue(), group);
    }

    @Test
    void strongEtagAnswers304AndCompressionIsOn() {
        for (String path : List.of(
                "/api/v1/draws/7003",
                "/api/v1/draws?" + YEAR,
                "/api/v1/draws/latest?category=STEM",
                "/api/v1/draws/stats?" + YEAR)) {
            Response first = get(path);
            String etag = first.header("ETag");
            assertNotNull(etag, path);
            assertThat(etag, org.hamcrest.Matchers.startsWith("\""));
            assertThat(first.header("Cache-Control"), containsString("max-age="));
            given().header("Authorization", READER)
                    .header("If-None-Match", etag)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(304)
                    .header("ETag", equalTo(etag))
                    .header("X-Data-As-Of", notNullValue());
            given().header("Authorization", READER)
                    .header("If-None-Match", "\"other\"")
                    .when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("ETag", equalTo(etag));
        }
        given().config(RestAssuredConfig.config()
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Authorization", READER)
                .header("Accept-Encoding", "gzip")
                .when()
                .get("/api/v1/draws?" + YEAR + "&limit=10")
                .then()
                .statusCode(200)
                .header("Content-Encoding", equalTo("gzip"));
    }

    @Test
    void everyResponseCarriesTheDataAsOf() {
        String asOf = get("/api/v1/draws/7001").header("X-Data-As-Of");
        assertNotNull(asOf);
        java.time.Instant.parse(asOf);
        given().when().get("/api/v1/draws/7001").then().statusCode(401).header("X-Data-As-Of", notNullValue());
        get("/api/v1/draws/99998").then().statusCode(404).header("X-Data-As-Of", notNullValue());
        given().when().get("/q/health/ready").then().header("X-Data-As-Of", notNullValue());
    }

    @Test
    void openApiDocumentsTheEndpointsWithExamples() {
        String doc = given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String path : List.of(
                "/api/v1/draws",
                "/api/v1/draws/latest",
                "/api/v1/draws/stats",
                "/api/v1/draws/{number}",
                "/api/v1/pool/latest",
                "/api/v1/pool",
                "/api/v1/candidates/{candidateId}/status",
                "/api/v1/candidates/{candidateId}/invitations",
                "/api/v1/admin/read-model/rebuild")) {
            assertThat(doc, containsString("\"" + path + "\""));
        }
        assertThat(doc, containsString("medianCutoff"));
        assertThat(doc, containsString("nextCursor"));
        Set<String> unused = ROUNDS.stream().map(Draw::number).collect(Collectors.toSet());
        assertEquals(ROUNDS.size(), unused.size());
    }
}
