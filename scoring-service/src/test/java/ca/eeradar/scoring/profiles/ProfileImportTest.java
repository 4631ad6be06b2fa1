package ca.eeradar.scoring.profiles;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.ScoreMonth;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import ca.eeradar.scoring.evaluation.Profiles;
import ca.eeradar.scoring.evaluation.Topic;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class ProfileImportTest {
    private static final String WRITER = TestTokens.bearer(TestTokens.WRITER);
    private static final String IMPORT = "/api/v1/profile-imports";
    private static final String PROFILE = "/api/v1/candidates/{id}/profile";

    /** {"items":[{"candidateId": id, "profile": json}, ...]} from ids and profile JSON documents. */
    private static String body(List<String> ids, Function<Integer, String> profile) {
        StringBuilder b = new StringBuilder("{\"items\":[");
        for (int i = 0; i < ids.size(); i++) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"candidateId\":\"")
                    .append(ids.get(i))
                    .append("\",\"profile\":")
                    .append(profile.apply(i))
                    .append('}');
        }
        return b.append("]}").toString();
    }

    private static List<String> ids(String prefix, int n) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(prefix + "-" + run + "-" + i);
        }
        return ids;
    }

    /** Birthdays differ per item, so reading a profile back proves it is that item's, not a neighbour's. */
    private static String bornOnDay(int i) {
        return LocalDate.of(1994, 1, 1).plusDays(i).toString();
    }

    @Test
    void importedProfilesReadBackAndEachIsScoredOnceOnTheTopic() {
        List<String> ids = ids("imp", 40);
        // One of them has a profile already: the import replaces it as a PUT without If-Match would.
        String existing = ids.get(7);
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(Profiles.base().json())
                .put(PROFILE, existing)
                .then()
                .statusCode(201);

        JsonPath answer = given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(body(ids, i -> Profiles.base().bornOn(bornOnDay(i)).json()))
                .post(IMPORT)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("imported", equalTo(40))
                .body("created", equalTo(39))
                .body("updated", equalTo(1))
                .extract()
                .jsonPath();
        assertEquals(ids, answer.getList("items.candidateId"), "one result per item, in request order");
        assertEquals("UPDATED", answer.getString("items[7].outcome"));
        assertEquals(2, answer.getInt("items[7].version"));
        assertEquals("\"2\"", answer.getString("items[7].etag"));
        assertEquals("CREATED", answer.getString("items[0].outcome"));
        assertEquals("\"1\"", answer.getString("items[0].etag"));

        // The same score a PUT of the same profile answers.
        String probe = "imp-probe-" + UUID.randomUUID();
        int putTotal = given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(Profiles.base().bornOn(bornOnDay(3)).json())
                .put(PROFILE, probe)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getInt("total");
        assertEquals(putTotal, answer.getInt("items[3].total"));

        for (int i = 0; i < ids.size(); i++) {
            String etag = i == 7 ? "\"2\"" : "\"1\"";
            given().header("Authorization", WRITER)
                    .get(PROFILE, ids.get(i))
                    .then()
                    .statusCode(200)
                    .header("ETag", etag)
                    .body("dateOfBirth", equalTo(bornOnDay(i)));
        }

        LocalDate month = ScoreMonth.of(LocalDate.now(ZoneId.of("Canada/Eastern")));
        Set<String> wanted = new HashSet<>(ids);
        await().atMost(Duration.ofSeconds(30)).until(() -> scoredFor(wanted).size() >= 41);
        Map<String, List<String>> eventIds = scoredFor(wanted).stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::key, Collectors.mapping(Topic::scoredFact, Collectors.toList())));
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            long version = i == 7 ? 2 : 1;
            List<String> expected = i == 7
                    ? List.of(Topic.scoredFact(id, 1, month), Topic.scoredFact(id, 2, month))
                    : List.of(Topic.scoredFact(id, version, month));
            assertEquals(expected, eventIds.get(id), id + ": each change scored exactly once, in order");
        }
        ConsumerRecord<String, byte[]> third = scoredFor(Set.of(ids.get(3))).get(0);
        CandidateScored scored = EventJson.read(third.value(), CandidateScored.class);
        assertEquals(putTotal, scored.total());
        assertEquals(1, scored.profileVersion());
    }

    @Test
    void oneBadItemWritesNothingAndEveryBadFieldIsNamedWithItsIndex() {
        List<String> ids = ids("bad", 6);
        List<String> sent = new ArrayList<>(ids);
        sent.set(4, "not an id!");
        sent.set(5, ids.get(0));
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(body(
                        sent,
                        i -> i == 2
                                ? Profiles.base().bornOn("2999-01-01").json()
                                : Profiles.base().json()))
                .post(IMPORT)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "items[2].profile.dateOfBirth", "items[4].candidateId", "items[5].candidateId"));
        // A value that cannot even be read is named by its path in the request, index included.
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(body(
                        ids,
                        i -> i == 3
                                ? Profiles.base()
                                        .with("maritalStatus", "ENGAGED")
                                        .json()
                                : Profiles.base().json()))
                .post(IMPORT)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("items[3].profile.maritalStatus"));
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body("{\"items\":[]}")
                .post(IMPORT)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("items"));

        for (String id : ids) {
            given().header("Authorization", WRITER).get(PROFILE, id).then().statusCode(404);
        }
        // Nothing reached the outbox either: a later valid import of the same ids is each candidate's first event.
        List<String> valid = ids.subList(0, 4);
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(body(valid, i -> Profiles.base().json()))
                .post(IMPORT)
                .then()
                .statusCode(200)
                .body("created", equalTo(4));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scoredFor(new HashSet<>(valid)).size() >= 4);
        List<ConsumerRecord<String, byte[]>> events = scoredFor(new HashSet<>(ids));
        assertEquals(
                4,
                events.size(),
                "only the valid import's events: "
                        + events.stream().map(Topic::ceId).toList());
        LocalDate month = ScoreMonth.of(LocalDate.now(ZoneId.of("Canada/Eastern")));
        assertTrue(events.stream().allMatch(r -> Topic.scoredFact(r).endsWith("-v1-" + month)));
    }

    @Test
    void moreItemsThanTheLimitIs413AndWritesNothing() {
        List<String> ids = ids("big", 1001);
        String profile = Profiles.base().json();
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(body(ids, i -> profile))
                .post(IMPORT)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("errors.field", hasItem("items"));
        given().header("Authorization", WRITER).get(PROFILE, ids.get(0)).then().statusCode(404);
    }

    @Test
    void onlyProfileWritersAndDrawAdminsImport() {
        String body =
                body(List.of("role-" + UUID.randomUUID()), i -> Profiles.base().json());
        given().header("Authorization", TestTokens.bearer(TestTokens.READER))
                .contentType("application/json")
                .body(body)
                .post(IMPORT)
                .then()
                .statusCode(403);
        given().contentType("application/json").body(body).post(IMPORT).then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(TestTokens.ADMIN))
                .contentType("application/json")
                .body(body)
                .post(IMPORT)
                .then()
                .statusCode(200)
                .body("created", equalTo(1));
    }

    private static List<ConsumerRecord<String, byte[]>> scoredFor(Set<String> candidateIds) {
        return Topic.read(
                Topics.CANDIDATE_SCORES,
                r -> candidateIds.contains(r.key()) && EventTypes.CANDIDATE_SCORED.equals(Topic.header(r, "ce_type")));
    }
}
