package ca.eeradar.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.kit.outbox.OutboxBacklog;
import ca.eeradar.kit.outbox.OutboxRelay;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.SharedData;
import ca.eeradar.localinfra.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The feed on the real database and broker: the poller's first load, a re-import, a correction. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedImportTest {
    static final String ADMIN = TestTokens.bearer(TestTokens.ADMIN);

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxBacklog backlog;

    static byte[] sharedFeed() throws Exception {
        return Files.readAllBytes(SharedData.path("data/ircc/ee_rounds_123_en.json"));
    }

    static JsonPath postFeed(byte[] feed) {
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

    /** Relays until nothing is pending: the relay also runs on its own schedule, this just does not wait for it. */
    void drainOutbox() {
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            relay.relay();
            return backlog.pending() == 0;
        });
    }

    @Test
    @Order(1)
    void aFreshStartLoadsEveryRealRoundFromTheBundledFeed() {
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> given().header("Authorization", ADMIN)
                        .when()
                        .get("/api/v1/feeds/ircc/status")
                        .then()
                        .statusCode(200)
                        .body("lastImport.received", equalTo(438))
                        .body("lastImport.announced", equalTo(438))
                        .body("lastImport.quarantined", empty())
                        .body("lastError", equalTo(null)));
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/draws/437")
                .then()
                .statusCode(200)
                .body("current.category", equalTo("FRENCH_LANGUAGE"))
                .body("current.categoryVersion", equalTo("2026-Version 2"))
                .body("current.source.kind", equalTo("IRCC_FEED"))
                .body("current.source.reference", equalTo("classpath:feed/ee_rounds_123_en.json"))
                .body("revisions.size()", equalTo(1));
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/draws/91a")
                .then()
                .statusCode(200)
                .body("current.program", equalTo("FST"))
                .body("current.tieBreakAt", equalTo("2017-06-07T20:11:13Z"));
    }

    @Test
    @Order(2)
    void importingTheSharedFeedGives438RoundsOnceAndNothingTheSecondTime() throws Exception {
        drainOutbox();
        // Other test classes announce rounds by hand (MANUAL); the feed's events are the IRCC_FEED ones.
        List<DrawsTopic.Event> events = DrawsTopic.readAll().stream()
                .filter(e -> e.draw().source().kind() == Draw.SourceKind.IRCC_FEED)
                .toList();
        assertEquals(438, events.size());
        assertEquals(
                438,
                events.stream()
                        .map(e -> e.ce().id())
                        .collect(Collectors.toSet())
                        .size());
        assertEquals(
                Set.of(EventTypes.DRAW_ANNOUNCED),
                events.stream().map(e -> e.ce().type()).collect(Collectors.toSet()));
        DrawsTopic.Event e392 = DrawsTopic.forKey(events, "392").get(0);
        assertEquals("draw-392-r1", e392.ce().id());
        assertEquals(EventTypes.SOURCE_INGEST, e392.ce().source());
        assertEquals("392", e392.ce().subject());
        assertEquals(509, e392.draw().crsCutoff());
        long before = DrawsTopic.endOffsetSum();

        for (int i = 0; i < 2; i++) {
            JsonPath report = postFeed(sharedFeed());
            assertEquals(438, report.getInt("received"));
            assertEquals(0, report.getInt("announced"));
            assertEquals(0, report.getInt("corrected"));
            assertEquals(438, report.getInt("unchanged"));
            assertEquals(List.of(), report.getList("quarantined"));
        }
        assertEquals(0, relay.relay());
        assertEquals(0, backlog.pending());
        assertEquals(before, DrawsTopic.endOffsetSum());
    }

    @Test
    @Order(3)
    void changingOneCutoffPublishesExactlyOneCorrectionWithRevision2() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode feed = (ObjectNode) json.readTree(sharedFeed());
        for (var round : feed.get("rounds")) {
            if (round.get("drawNumber").asText().equals("250")) {
                assertEquals("486", round.get("drawCRS").asText());
                ((ObjectNode) round).put("drawCRS", "480");
            }
        }
        JsonPath report = postFeed(json.writeValueAsBytes(feed));
        assertEquals(1, report.getInt("corrected"));
        assertEquals(437, report.getInt("unchanged"));
        assertEquals(0, report.getInt("announced"));
        drainOutbox();

        List<DrawsTopic.Event> events = DrawsTopic.forKey(DrawsTopic.readAll(), "250");
        assertEquals(
                List.of(EventTypes.DRAW_ANNOUNCED, EventTypes.DRAW_CORRECTED),
                events.stream().map(e -> e.ce().type()).toList());
        assertEquals(
                List.of("draw-250-r1", "draw-250-r2"),
                events.stream().map(e -> e.ce().id()).toList());
        assertEquals(
                List.of(486, 480),
                events.stream().map(e -> e.draw().crsCutoff()).toList());
        assertEquals(2, events.get(1).draw().revision());
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/draws/250")
                .then()
                .statusCode(200)
                .header("ETag", "\"r2\"")
                .body("current.revision", equalTo(2))
                .body("current.crsCutoff", equalTo(480))
                .body("revisions.crsCutoff", equalTo(List.of(486, 480)));

        // The same corrected feed again is nothing new.
        assertEquals(0, postFeed(json.writeValueAsBytes(feed)).getInt("corrected"));
        assertEquals(0, relay.relay());
    }
}
