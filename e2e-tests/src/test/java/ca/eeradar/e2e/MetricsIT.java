package ca.eeradar.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alerts watch names the services really write: every {@code eeradar_} metric of the table in
 * docs/operations.md (which deploy/validation holds every alert and dashboard panel to) is on the
 * {@code /q/metrics} page of a running service, before any fault, so a silent alert cannot hide behind a
 * renamed metric.
 */
class MetricsIT {
    static final E2eStack stack = E2eStack.get();
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\|\\s*`(eeradar_[a-z0-9_]+)`");

    @Test
    void everyDocumentedMetricIsExportedByARunningService() throws Exception {
        String operations = Files.readString(E2eStack.repo().resolve("docs/operations.md"));
        List<String> documented = new ArrayList<>();
        Matcher m = TABLE_ROW.matcher(operations);
        while (m.find()) {
            documented.add(m.group(1));
        }
        StringBuilder exported = new StringBuilder();
        for (ServiceProcess service : stack.services()) {
            exported.append(given().baseUri(service.url())
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        }
        List<String> missing = documented.stream()
                .filter(name -> !Pattern.compile("(?m)^" + name + "[{ ]")
                        .matcher(exported)
                        .find())
                .toList();
        assertEquals(List.of(), missing, "documented in docs/operations.md but exported by no service");
        assertEquals(true, documented.size() >= 10, "the table lists the metrics: " + documented);
    }
}
