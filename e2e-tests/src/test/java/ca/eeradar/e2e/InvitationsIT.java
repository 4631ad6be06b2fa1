package ca.eeradar.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.EventTypes;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Profiles stored through scoring-service, a round announced by hand through ingest-service, and
 * the verdicts read back from query-service: the same verdicts the scoring rules give.
 */
class InvitationsIT {
    static final E2eStack stack = E2eStack.get();

    @Test
    void aNewRoundInvitesExactlyTheCandidatesTheRulesSay() {
        Instant drawnAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        LocalDate drawDate = drawnAt.atZone(ZoneId.of("Canada/Eastern")).toLocalDate();
        Instant tieBreakAt = drawnAt.minus(5, ChronoUnit.DAYS);
        String run = UUID.randomUUID().toString().substring(0, 8);

        // The cutoff is the base profile's own score on the draw date, so "at the cutoff" is exact.
        int cutoff = score(Profiles.canadianWorker(drawDate, tieBreakAt.minus(5, ChronoUnit.DAYS), false), drawDate);
        Map<String, String> profiles = Map.of(
                "above-" + run, Profiles.canadianWorker(drawDate, drawnAt.minus(30, ChronoUnit.DAYS), true),
                "tie-won-" + run, Profiles.canadianWorker(drawDate, tieBreakAt.minus(1, ChronoUnit.DAYS), false),
                "tie-lost-" + run, Profiles.canadianWorker(drawDate, tieBreakAt.plus(1, ChronoUnit.DAYS), false),
                "not-cec-" + run, Profiles.foreignWorker(drawDate, drawnAt.minus(30, ChronoUnit.DAYS), true),
                "after-draw-" + run, Profiles.canadianWorker(drawDate, drawnAt.plus(1, ChronoUnit.HOURS), true),
                "expired-" + run, Profiles.canadianWorker(drawDate, drawnAt.minus(400, ChronoUnit.DAYS), true));
        assertTrue(
                score(profiles.get("not-cec-" + run), drawDate) > cutoff,
                "precondition: the FSW-only candidate has the points, only not the program");
        profiles.forEach((id, json) -> Api.as(stack.scoring, "profile-writer")
                .body(json)
                .put("/api/v1/candidates/{id}/profile", id)
                .then()
                .statusCode(201));

        String number = String.valueOf(2000 + (int) (Math.random() * 7000));
        String draw = """
            {"number":"%s","date":"%s","drawnAt":"%s","name":"Canadian Experience Class","roundType":"PROGRAM",
             "program":"CEC","category":null,"categoryVersion":null,"eligiblePrograms":["CEC"],
             "invitations":1500,"crsCutoff":%d,"tieBreakAt":"%s","pool":null}
            """.formatted(number, drawDate, drawnAt, cutoff, tieBreakAt);
        Api.as(stack.ingest, "draw-admin")
                .body(draw)
                .post("/api/v1/draws")
                .then()
                .statusCode(201);

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Api.get(stack.query, "reader", "/api/v1/draws/{n}", number)
                                        .then()
                                        .extract()
                                        .statusCode()
                                == 200
                        && Api.get(stack.query, "reader", "/api/v1/draws/{n}", number)
                                        .jsonPath()
                                        .get("evaluation")
                                != null);

        // DrawEvaluated follows the last acknowledged InvitationLikely on the scoring side, but the query
        // service reads the two topics independently: wait for the invitations themselves too.
        String evaluation = Api.get(stack.query, "reader", "/api/v1/draws/{n}", number)
                .jsonPath()
                .prettify();
        for (String invited : List.of("above-", "tie-won-")) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .alias(invited + " invited; round: " + evaluation)
                    .until(() -> {
                        // 404 while query-service has not yet projected the candidate's CandidateScored
                        var answer =
                                Api.get(stack.query, "reader", "/api/v1/candidates/{id}/invitations", invited + run);
                        return answer.statusCode() == 200
                                && !answer.jsonPath().getList("items").isEmpty();
                    });
        }
        assertInvited("above-" + run, number, "NOT_NEEDED");
        assertInvited("tie-won-" + run, number, "WON");
        for (String notInvited : List.of("tie-lost-", "not-cec-", "after-draw-", "expired-")) {
            JsonPath inv = Api.get(stack.query, "reader", "/api/v1/candidates/{id}/invitations", notInvited + run)
                    .then()
                    .extract()
                    .jsonPath();
            List<Object> items = inv.getList("items");
            assertTrue(items == null || items.isEmpty(), notInvited + " should not be invited: " + items);
        }
        // Other tests share the pool, so the round's own count is at least these two.
        int likely = Api.get(stack.query, "reader", "/api/v1/draws/{n}", number)
                .jsonPath()
                .getInt("evaluation.likely");
        assertTrue(likely >= 2, "likely " + likely);

        // Everything the run published, as a subscriber gets it: no personal data, nothing to derive it from.
        var published = PublicTopics.readAll(stack.infra.bootstrapServers());
        for (String type : List.of(EventTypes.CANDIDATE_SCORED, EventTypes.INVITATION_LIKELY)) {
            assertTrue(
                    published.stream()
                            .anyMatch(r -> ("above-" + run).equals(r.key())
                                    && type.equals(CloudEvent.text(r.headers(), CloudEvent.TYPE))),
                    "the run's " + type + " is among the records checked");
        }
        PublicTopics.assertNoPersonalData(published);
    }

    private static void assertInvited(String candidate, String drawNumber, String tieBreak) {
        JsonPath inv = Api.get(stack.query, "reader", "/api/v1/candidates/{id}/invitations", candidate)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, inv.getList("items").size(), candidate + ": " + inv.prettify());
        assertEquals(drawNumber, inv.getString("items[0].drawNumber"));
        assertEquals(tieBreak, inv.getString("items[0].tieBreak"));
    }

    static int score(String profile, LocalDate asOf) {
        return Api.as(stack.scoring, "reader")
                .body(profile)
                .queryParam("asOf", asOf.toString())
                .post("/api/v1/crs/score")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("total");
    }
}
