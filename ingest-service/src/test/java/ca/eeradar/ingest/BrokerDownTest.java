package ca.eeradar.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.kit.outbox.OutboxBacklog;
import ca.eeradar.kit.outbox.OutboxRelay;
import ca.eeradar.localinfra.KafkaNode;
import ca.eeradar.localinfra.LocalInfra;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * With the broker down, announcing still succeeds (the outbox keeps the events); when it returns every event goes
 * out exactly once, in order per round. Runs last (class @Order), and restarts the broker whatever happens.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
@Order(Integer.MAX_VALUE)
class BrokerDownTest {
    static final String ADMIN = TestTokens.bearer(TestTokens.ADMIN);

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxBacklog backlog;

    static String round(String number, int cutoff) {
        return """
                {"number": "%s", "date": "2026-11-21", "name": "Provincial Nominee Program", "invitations": 400,
                 "crsCutoff": %d}""".formatted(number, cutoff);
    }

    @Test
    void eventsWaitInTheOutboxWhileTheBrokerIsDownAndGoOutOnceInOrder() {
        // The poller's first import must be over and relayed, or its 438 events would wait in the outbox too.
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> given().header("Authorization", ADMIN)
                                .when()
                                .get("/api/v1/feeds/ircc/status")
                                .then()
                                .extract()
                                .jsonPath()
                                .get("lastSuccessAt")
                        != null);
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            relay.relay();
            return backlog.pending() == 0;
        });
        KafkaNode kafka = LocalInfra.shared().kafka().orElseThrow();
        List<String> numbers = List.of("9401", "9402", "9403");
        kafka.stop();
        try {
            for (String n : numbers) {
                given().header("Authorization", ADMIN)
                        .contentType("application/json")
                        .body(round(n, 700))
                        .when()
                        .post("/api/v1/draws")
                        .then()
                        .statusCode(201)
                        .body("revision", equalTo(1));
            }
            given().header("Authorization", ADMIN)
                    .contentType("application/json")
                    .body(round("9401", 690))
                    .when()
                    .put("/api/v1/draws/9401")
                    .then()
                    .statusCode(200)
                    .body("revision", equalTo(2));
            given().header("Authorization", ADMIN)
                    .contentType("application/json")
                    .body(round("9401", 680))
                    .when()
                    .put("/api/v1/draws/9401")
                    .then()
                    .statusCode(200)
                    .body("revision", equalTo(3));
            assertEquals(0, relay.relay());
            assertEquals(5, backlog.pending());
            String metrics = given().when()
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            double lag = metrics.lines()
                    .filter(l -> l.startsWith("eeradar_ingest_outbox_lag_seconds"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .max()
                    .orElse(0);
            assertTrue(lag > 0, "outbox lag while the broker is down: " + lag);
        } finally {
            kafka.start();
        }

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    relay.relay();
                    assertEquals(0, backlog.pending());
                });
        List<DrawsTopic.Event> all = DrawsTopic.readAll();
        List<String> ours = all.stream()
                .filter(e -> numbers.contains(e.key()))
                .map(e -> e.ce().id())
                .toList();
        assertEquals(5, ours.size(), ours.toString());
        assertEquals(5, ours.stream().collect(Collectors.toSet()).size(), "each event exactly once: " + ours);
        assertEquals(
                List.of("draw-9401-r1", "draw-9401-r2", "draw-9401-r3"),
                DrawsTopic.forKey(all, "9401").stream().map(e -> e.ce().id()).toList());
        assertEquals(
                List.of(700, 690, 680),
                DrawsTopic.forKey(all, "9401").stream()
                        .map(e -> e.draw().crsCutoff())
                        .toList());
        assertEquals(
                List.of("draw-9402-r1"),
                DrawsTopic.forKey(all, "9402").stream().map(e -> e.ce().id()).toList());
        assertEquals(
                List.of("draw-9403-r1"),
                DrawsTopic.forKey(all, "9403").stream().map(e -> e.ce().id()).toList());
    }
}
