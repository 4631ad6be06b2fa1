package ca.eeradar.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.contracts.Topics;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alerts watch names the services really write: every {@code eeradar_} metric of the table in
 * docs/operations.md (which deploy/validation holds every alert and dashboard panel to) is on the
 * {@code /q/metrics} page of a running service, so a silent alert cannot hide behind a renamed metric.
 * {@code eeradar_dead_letters_total} exists only once a record was dead-lettered (its tags are the topic and
 * the reason's class, unknown before), so the test first sends one poison draw and sees the counter of the
 * draws topic grow by exactly two: one dead letter from scoring's group, one from query's.
 */
class MetricsIT {
    static final E2eStack stack = E2eStack.get();
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\|\\s*`(eeradar_[a-z0-9_]+)`");

    private static final Pattern DRAWS_DEAD_LETTERS = Pattern.compile(
            "(?m)^eeradar_dead_letters_total\\{[^}]*topic=\"" + Pattern.quote(Topics.DRAWS) + "\"[^}]*} ([0-9.E]+)$");

    @Test
    void everyDocumentedMetricIsExportedByARunningService() throws Exception {
        double before = drawDeadLetters();
        String key = "metrics-poison-" + UUID.randomUUID().toString().substring(0, 8);
        RawRecords.send(stack.infra.bootstrapServers(), Topics.DRAWS, key, "{not json");
        await().atMost(Duration.ofSeconds(60)).until(() -> drawDeadLetters() >= before + 2);
        assertEquals(before + 2, drawDeadLetters(), "one dead letter per consumer group of the draws topic");

        String operations = Files.readString(E2eStack.repo().resolve("docs/operations.md"));
        List<String> documented = new ArrayList<>();
        Matcher m = TABLE_ROW.matcher(operations);
        while (m.find()) {
            documented.add(m.group(1));
        }
        String exported = metricsPages();
        List<String> missing = documented.stream()
                .filter(name -> !Pattern.compile("(?m)^" + name + "[{ ]")
                        .matcher(exported)
                        .find())
                .toList();
        assertEquals(List.of(), missing, "documented in docs/operations.md but exported by no service");
        assertEquals(true, documented.size() >= 10, "the table lists the metrics: " + documented);
    }

    /**
     * The /q/metrics pages of every running service, one after the other: the second scoring instance too,
     * which holds the draws partition when RestartsIT ran before.
     */
    private static String metricsPages() {
        StringBuilder pages = new StringBuilder();
        for (ServiceProcess service : stack.running()) {
            pages.append(given().baseUri(service.url())
                            .get("/q/metrics")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .append('\n');
        }
        return pages.toString();
    }

    /** Dead letters of express-entry.draws counted by all services together, every reason. */
    private static double drawDeadLetters() {
        Matcher m = DRAWS_DEAD_LETTERS.matcher(metricsPages());
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
