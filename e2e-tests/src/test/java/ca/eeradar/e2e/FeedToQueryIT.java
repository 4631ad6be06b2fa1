package ca.eeradar.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.localinfra.SharedData;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real IRCC history goes in through the ingest API and comes out of the query API, across
 * two separate service processes and the real broker; the facts of the seed articles hold.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedToQueryIT {
    static final E2eStack stack = E2eStack.get();

    @Test
    @Order(1)
    void theWholeFeedImportedThroughIngestIsListedByQueryNewestFirst() throws Exception {
        byte[] feed = Files.readAllBytes(SharedData.path("data/ircc/ee_rounds_123_en.json"));
        JsonPath imported = Api.as(stack.ingest, "draw-admin")
                .body(feed)
                .post("/api/v1/feeds/ircc")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(438, imported.getInt("received"));
        assertEquals(438, imported.getInt("announced") + imported.getInt("unchanged") + imported.getInt("corrected"));
        assertTrue(imported.getList("quarantined").isEmpty(), "quarantined: " + imported.getList("quarantined"));

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> feedRounds().size() == 438);
        List<Map<String, Object>> all = feedRounds();
        Set<String> numbers = new HashSet<>();
        LocalDate previous = LocalDate.MAX;
        for (Map<String, Object> d : all) {
            assertTrue(numbers.add((String) d.get("number")), "listed twice: " + d.get("number"));
            LocalDate date = LocalDate.parse((String) d.get("date"));
            assertTrue(!date.isAfter(previous), "not newest first at " + d.get("number"));
            previous = date;
        }
        assertEquals("437", all.get(0).get("number"));
        assertEquals("1", all.get(all.size() - 1).get("number"));
    }

    @Test
    @Order(2)
    void theArticlesFactsHold() {
        // article-2: #392, January 21 2026, CEC, 6,000 ITAs, CRS 509, tie-break 4:35 a.m. UTC October 29 2025
        draw("392")
                .body("date", equalTo("2026-01-21"))
                .body("roundType", equalTo("PROGRAM"))
                .body("program", equalTo("CEC"))
                .body("invitations", equalTo(6000))
                .body("crsCutoff", equalTo(509))
                .body("tieBreakAt", equalTo("2025-10-29T04:35:24Z"));
        // article-4: #390, January 7 2026, CEC, 8,000 ITAs, CRS 511, tie-break June 10 2025 15:59:25 UTC
        draw("390")
                .body("date", equalTo("2026-01-07"))
                .body("roundType", equalTo("PROGRAM"))
                .body("program", equalTo("CEC"))
                .body("invitations", equalTo(8000))
                .body("crsCutoff", equalTo(511))
                .body("tieBreakAt", equalTo("2025-06-10T15:59:25Z"));
        // article-1: #389, January 5 2026, PNP, 574 ITAs, CRS 711 (the article gives no tie-break; the feed does)
        draw("389")
                .body("date", equalTo("2026-01-05"))
                .body("roundType", equalTo("PROGRAM"))
                .body("program", equalTo("PNP"))
                .body("invitations", equalTo(574))
                .body("crsCutoff", equalTo(711))
                .body("tieBreakAt", equalTo("2025-10-06T01:54:31Z"));
    }

    @Test
    @Order(3)
    void importingTheSameFeedAgainAnnouncesNothing() throws Exception {
        byte[] feed = Files.readAllBytes(SharedData.path("data/ircc/ee_rounds_123_en.json"));
        Api.as(stack.ingest, "draw-admin")
                .body(feed)
                .post("/api/v1/feeds/ircc")
                .then()
                .statusCode(200)
                .body("announced", equalTo(0))
                .body("corrected", equalTo(0))
                .body("unchanged", equalTo(438))
                .body("quarantined", empty());
        draw("392").body("revisions", equalTo(1));
    }

    @Test
    @Order(4)
    void theReadModelSurvivesARestartOfTheQueryService() {
        stack.query.stop();
        stack.query.start().awaitReady(E2eStack.READY);
        draw("392").body("crsCutoff", equalTo(509)).body("revisions", equalTo(1));
        assertEquals(438, feedRounds().size());
    }

    private static io.restassured.response.ValidatableResponse draw(String number) {
        return Api.get(stack.query, "reader", "/api/v1/draws/{n}", number)
                .then()
                .statusCode(200);
    }

    /** The rounds that came from IRCC's feed: other tests of this stack announce rounds by hand. */
    static List<Map<String, Object>> feedRounds() {
        return allDraws().stream()
                .filter(d -> "IRCC_FEED".equals(((Map<?, ?>) d.get("source")).get("kind")))
                .toList();
    }

    static List<Map<String, Object>> allDraws() {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.as(stack.query, "reader").queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/draws")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }
}
