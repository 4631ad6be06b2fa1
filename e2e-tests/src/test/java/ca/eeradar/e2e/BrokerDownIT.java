package ca.eeradar.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker is away for 60 s while an operator announces a round and advisers store profiles:
 * both services accept the work into their databases (the outbox), and once the broker is back every
 * event reaches its topic exactly once, the round is evaluated with the profiles stored before it,
 * the read model ends as if the broker had never left, and nothing is dead-lettered.
 */
class BrokerDownIT {
    static final E2eStack stack = E2eStack.get();
    static final Duration OUTAGE = Duration.ofSeconds(60);
    static final int PROFILES = 30;

    @Test
    void roundAndProfilesWrittenWhileTheBrokerIsDownArriveOnceItIsBack() {
        var kafka = stack.infra.kafka().orElseThrow(() -> new IllegalStateException("needs the local broker"));
        // Four hours ago: before the submission of the large pools other tests of this stack store, so that this
        // round judges a few dozen profiles, not a hundred thousand.
        Instant drawnAt = Instant.now().minus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        LocalDate drawDate = drawnAt.atZone(ZoneId.of("Canada/Eastern")).toLocalDate();
        String run = UUID.randomUUID().toString().substring(0, 6);
        String number = String.valueOf(100000 + new Random().nextInt(800000)) + "b";
        int cutoff = InvitationsIT.score(
                        Profiles.canadianWorker(drawDate, drawnAt.minus(1, ChronoUnit.DAYS), false), drawDate)
                - 1;
        Map<String, Long> deadLettersBefore = TopicReads.deadLetterCounts();

        kafka.stop();
        long stopped = System.nanoTime();
        List<String> ids = new ArrayList<>();
        try {
            Api.as(stack.ingest, "draw-admin")
                    .body("""
                    {"number":"%s","date":"%s","drawnAt":"%s","name":"Canadian Experience Class","roundType":"PROGRAM",
                     "program":"CEC","category":null,"categoryVersion":null,"eligiblePrograms":["CEC"],
                     "invitations":1000,"crsCutoff":%d,"tieBreakAt":null,"pool":null}
                    """.formatted(number, drawDate, drawnAt, cutoff))
                    .post("/api/v1/draws")
                    .then()
                    .statusCode(201);
            for (int i = 0; i < PROFILES; i++) {
                String id = "broker-down-" + run + "-" + i;
                Api.as(stack.scoring, "profile-writer")
                        .body(Profiles.canadianWorker(
                                drawDate, drawnAt.minus(1, ChronoUnit.DAYS).minusSeconds(i), i % 2 == 0))
                        .put("/api/v1/candidates/{id}/profile", id)
                        .then()
                        .statusCode(201);
                ids.add(id);
            }
            // For the rest of the minute: the services hold the work (ingest answers the round from its database),
            // and nothing of it reaches query-service.
            long left = OUTAGE.toNanos() - (System.nanoTime() - stopped);
            await().during(Duration.ofNanos(Math.max(0, left)))
                    .atMost(Duration.ofNanos(Math.max(0, left)).plusSeconds(30))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> Api.get(stack.ingest, "draw-admin", "/api/v1/draws/{n}", number)
                                            .statusCode()
                                    == 200
                            && Api.get(stack.query, "reader", "/api/v1/draws/{n}", number)
                                            .statusCode()
                                    == 404);
        } finally {
            kafka.start();
        }
        System.out.printf(
                "BrokerDownIT: broker away for %d ms (stopped until answering again)%n",
                (System.nanoTime() - stopped) / 1_000_000);
        long restarted = System.nanoTime();

        // The round was evaluated once, with every profile stored before it.
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !TopicReads.evaluations(number).isEmpty());
        List<DrawEvaluated> evaluated = TopicReads.evaluations(number);
        assertEquals(1, evaluated.size(), "DrawEvaluated once: " + evaluated);
        List<String> invitations = TopicReads.invitationIds(number);
        Set<String> distinct = new HashSet<>(invitations);
        assertEquals(invitations.size(), distinct.size(), "no InvitationLikely twice");
        assertEquals(evaluated.get(0).likely(), invitations.size(), "InvitationLikely events vs DrawEvaluated.likely");
        for (String id : ids) {
            assertTrue(
                    distinct.contains(EventTypes.invitationLikelyId(number, 1, id)), id + " scores above the cutoff");
        }

        // Every event once on its topic: the announcement, and each profile's CandidateScored.
        assertEquals(
                List.of(EventTypes.drawEventId(number, 1)),
                TopicReads.eventIdsAbout(Topics.DRAWS, Set.of(number)),
                "DrawAnnounced once");
        List<String> scored = TopicReads.eventIdsAbout(Topics.CANDIDATE_SCORES, new HashSet<>(ids));
        assertEquals(PROFILES, scored.size(), "one CandidateScored per stored profile: " + scored);
        assertEquals(PROFILES, new HashSet<>(scored).size(), "no CandidateScored twice");

        // The read model as if the broker had never left.
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    var answer = Api.get(stack.query, "reader", "/api/v1/draws/{n}", number);
                    return answer.statusCode() == 200
                            && answer.jsonPath().get("evaluation") != null
                            && answer.jsonPath().getLong("evaluation.invitationsRecorded")
                                    == evaluated.get(0).likely();
                });
        var round = Api.get(stack.query, "reader", "/api/v1/draws/{n}", number).jsonPath();
        assertEquals(cutoff, round.getInt("crsCutoff"));
        assertEquals(1, round.getInt("revisions"));
        assertEquals(evaluated.get(0).likely(), round.getLong("evaluation.likely"));
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        // 404 until query-service has projected the candidate's CandidateScored.
                        List<String> rounds = Api.get(stack.query, "reader", "/api/v1/candidates/{id}/invitations", id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("items.drawNumber");
                        assertEquals(1, rounds.stream().filter(number::equals).count(), id + ": " + rounds);
                    });
        }
        assertEquals(deadLettersBefore, TopicReads.deadLetterCounts(), "nothing dead-lettered");
        System.out.printf(
                "BrokerDownIT: %d likely, read model complete %d ms after the restart%n",
                evaluated.get(0).likely(), (System.nanoTime() - restarted) / 1_000_000);
    }
}
