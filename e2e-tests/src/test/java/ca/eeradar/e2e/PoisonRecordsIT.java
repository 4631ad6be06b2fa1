package ca.eeradar.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.DeadLetterHeaders;
import ca.eeradar.contracts.Topics;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Poison on express-entry.draws, which both scoring-service and query-service consume, on the running
 * services: each consumer dead-letters it under its own group and goes on. A round each service's database
 * refuses until a fix (a constraint, dropped afterwards) is dead-lettered by both, redriven through each
 * service's admin API, and then applied exactly once everywhere, however often it is redriven.
 */
class PoisonRecordsIT {
    static final E2eStack stack = E2eStack.get();
    private static final Set<String> GROUPS = Set.of("scoring-service", "query-service");

    @Test
    void aPoisonDrawIsDeadLetteredByEachConsumerWithEveryHeaderAndTheNextRoundGoesThrough() throws Exception {
        String key = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        RawRecords.send(stack.infra.bootstrapServers(), Topics.DRAWS, key, "{not json");

        List<ConsumerRecord<String, byte[]>> dead = awaitDeadLetters(key, 2);
        assertEquals(GROUPS, groups(dead));
        for (ConsumerRecord<String, byte[]> r : dead) {
            for (String header : List.of(
                    DeadLetterHeaders.REASON,
                    DeadLetterHeaders.EXCEPTION_CLASS_NAME,
                    DeadLetterHeaders.TOPIC,
                    DeadLetterHeaders.PARTITION,
                    DeadLetterHeaders.OFFSET,
                    DeadLetterHeaders.GROUP,
                    DeadLetterHeaders.TIME)) {
                assertNotNull(CloudEvent.text(r.headers(), header), header + " of " + groups(List.of(r)));
            }
            assertEquals(Topics.DRAWS, CloudEvent.text(r.headers(), DeadLetterHeaders.TOPIC));
            assertEquals("{not json", new String(r.value(), StandardCharsets.UTF_8));
        }

        String number = announce(1200);
        awaitRound(number);
        for (ServiceProcess service : List.of(stack.scoring, stack.query)) {
            JsonPath listed = Api.get(service, "draw-admin", "/api/v1/dead-letters")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertTrue(
                    listed.getLong("find { it.topic == '" + Topics.DRAWS + "' }.count") >= 1,
                    service.url() + ": " + listed.prettify());
        }
    }

    @Test
    void aRoundRefusedUntilAFixIsRedrivenByEachServiceAndAppliedOnce() throws Exception {
        String number = String.valueOf(100_000 + (int) (Math.random() * 800_000));
        String constraint = "poison_records_it_" + number;
        String block = " add constraint " + constraint + " check (%s <> '" + number + "')";
        sql("query", "alter table draw" + block.formatted("number"));
        sql("scoring", "alter table draw_revision" + block.formatted("draw_number"));
        List<ConsumerRecord<String, byte[]>> dead;
        try {
            announce(1200, number);
            dead = awaitDeadLetters(number, 2);
            assertEquals(GROUPS, groups(dead));
            Api.get(stack.query, "reader", "/api/v1/draws/{n}", number).then().statusCode(404);
        } finally {
            sql("query", "alter table draw drop constraint " + constraint); // the fix
            sql("scoring", "alter table draw_revision drop constraint " + constraint);
        }

        for (ConsumerRecord<String, byte[]> r : dead) {
            ServiceProcess service = "query-service".equals(CloudEvent.text(r.headers(), DeadLetterHeaders.GROUP))
                    ? stack.query
                    : stack.scoring;
            String body = "{\"topic\":\"" + Topics.DRAWS + "\",\"offsets\":[{\"partition\":" + r.partition()
                    + ",\"offset\":" + r.offset() + "}]}";
            JsonPath first = redrive(service, body);
            assertEquals(1, first.getList("redriven").size(), first.prettify());
            JsonPath second = redrive(service, body);
            assertEquals(0, second.getList("redriven").size(), "asked twice, published once");
            assertEquals(1, second.getList("alreadyRedriven").size());
        }
        awaitRound(number);
        // Both redrives re-published the same DrawAnnounced (same ce_id) to both consumers: applied once each.
        assertEquals(1, TopicReads.evaluations(number).size(), "one DrawEvaluated");
        assertEquals(2, deadLetters(number).size(), "dead-lettered once per group");
        assertEquals(
                number,
                Api.get(stack.query, "reader", "/api/v1/draws/{n}", number)
                        .jsonPath()
                        .getString("number"));
    }

    private static String announce(int cutoff) {
        return announce(cutoff, String.valueOf(100_000 + (int) (Math.random() * 800_000)));
    }

    private static String announce(int cutoff, String number) {
        Instant drawnAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        LocalDate drawDate = drawnAt.atZone(ZoneId.of("Canada/Eastern")).toLocalDate();
        String draw = """
            {"number":"%s","date":"%s","drawnAt":"%s","name":"Canadian Experience Class","roundType":"PROGRAM",
             "program":"CEC","category":null,"categoryVersion":null,"eligiblePrograms":["CEC"],
             "invitations":1500,"crsCutoff":%d,"tieBreakAt":"%s","pool":null}
            """.formatted(number, drawDate, drawnAt, cutoff, drawnAt.minus(5, ChronoUnit.DAYS));
        Api.as(stack.ingest, "draw-admin")
                .body(draw)
                .post("/api/v1/draws")
                .then()
                .statusCode(201);
        return number;
    }

    /** The round is in the read model with its evaluation: both consumers applied it. */
    private static void awaitRound(String number) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    var answer = Api.get(stack.query, "reader", "/api/v1/draws/{n}", number);
                    return answer.statusCode() == 200 && answer.jsonPath().get("evaluation") != null;
                });
    }

    private static JsonPath redrive(ServiceProcess service, String body) {
        return Api.as(service, "draw-admin")
                .body(body)
                .post("/api/v1/dead-letters/redrive")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String key, int count) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> deadLetters(key).size() >= count);
        return deadLetters(key);
    }

    /** The dead letters of express-entry.draws with this key, of every group. */
    private static List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return TopicReads.everything(Topics.dlq(Topics.DRAWS)).stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }

    private static Set<String> groups(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(r -> CloudEvent.text(r.headers(), DeadLetterHeaders.GROUP))
                .collect(Collectors.toSet());
    }

    private static void sql(String service, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        stack.infra.database("e2e_" + service), stack.infra.jdbcUser(), stack.infra.jdbcPassword());
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
