package ca.eeradar.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.contracts.Topics;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Crashes in the middle of the work: nothing lost, nothing counted twice, nothing stale. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartsIT {
    static final E2eStack stack = E2eStack.get();
    static final int POOL = Integer.getInteger("e2e.restart.profiles", 50_000);

    @Test
    @Order(1)
    void scoringInstanceKilledInTheMiddleOfARoundLeavesEachLikelyCandidateExactlyOnce() throws Exception {
        phaseStarted = System.nanoTime();
        stack.scoring2.start().awaitReady(E2eStack.READY);
        phase("a second scoring instance started");
        Instant drawnAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        LocalDate drawDate = drawnAt.atZone(ZoneId.of("Canada/Eastern")).toLocalDate();
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            ids.add("pool-" + run + "-" + i);
        }
        // Each profile is submitted in the ten minutes before this round ran: in its pool, but not in the pool of a
        // round another test of this stack announces for two hours ago (InvitationsIT), which would otherwise
        // re-invite all 50,000 and slow every later wait.
        ProfileImports.store(
                ids, i -> Profiles.canadianWorker(drawDate, drawnAt.minusSeconds(1 + i % 600), i % 3 == 0));
        phase("stored " + POOL + " profiles through POST /api/v1/profile-imports");
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(RestartsIT::evaluationSplitInTwo);
        phase("the evaluation group is stable with two members holding partitions");

        String number = String.valueOf(20000 + new Random().nextInt(70000));
        long killedAt;
        try (KafkaConsumer<String, byte[]> invitations = TopicReads.fromEnd(Topics.INVITATION_LIKELY)) {
            Api.as(stack.ingest, "draw-admin")
                    .body("""
                {"number":"%s","date":"%s","drawnAt":"%s","name":"General","roundType":"GENERAL","program":null,
                 "category":null,"categoryVersion":null,"eligiblePrograms":["FSW","CEC","FST"],
                 "invitations":%d,"crsCutoff":300,"tieBreakAt":null,"pool":null}
                """.formatted(number, drawDate, drawnAt, POOL))
                    .post("/api/v1/draws")
                    .then()
                    .statusCode(201);

            // Kill one instance (no clean shutdown) as soon as the first committed invitation of this round is visible.
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> TopicReads.invitationsOf(invitations.poll(Duration.ofMillis(100)), number) > 0);
            stack.scoring.kill();
            killedAt = System.nanoTime();
        }
        phase("announced, first invitation visible, scoring instance 1 killed");

        // The survivor takes over the dead instance's partitions and finishes the round within 60 s of the kill.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !TopicReads.evaluations(number).isEmpty());
        phase("DrawEvaluated on the topic, " + (System.nanoTime() - killedAt) / 1_000_000 + " ms after the kill");
        List<DrawEvaluated> evaluated = TopicReads.evaluations(number);
        assertEquals(1, evaluated.size(), "DrawEvaluated exactly once: " + evaluated);

        // read_committed: what the dead instance had not committed is invisible; what it had is not repeated.
        List<String> invitationIds = TopicReads.invitationIds(number);
        Set<String> distinct = new HashSet<>(invitationIds);
        assertEquals(distinct.size(), invitationIds.size(), "an InvitationLikely seen twice");
        assertEquals(
                evaluated.get(0).likely(), invitationIds.size(), "InvitationLikely events vs DrawEvaluated.likely");
        for (String id : ids) {
            assertTrue(
                    distinct.contains(EventTypes.invitationLikelyId(number, 1, id)), id + " is at cutoff 300: likely");
        }
        assertTrue(
                evaluated.get(0).evaluated() >= POOL && evaluated.get(0).eligible() >= POOL,
                evaluated.get(0).toString());
        phase("each likely candidate exactly once on the topic");

        stack.scoring.start().awaitReady(E2eStack.READY);
        phase("scoring instance 1 restarted and ready");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    JsonPath d = Api.get(stack.query, "reader", "/api/v1/draws/{n}", number)
                            .jsonPath();
                    return d.get("evaluation") != null;
                });
        phase("query-service shows the evaluation");
        long likely = Api.get(stack.query, "reader", "/api/v1/draws/{n}", number)
                .jsonPath()
                .getLong("evaluation.likely");
        assertEquals(evaluated.get(0).likely(), likely);

        // The query service counts each of them once: a sample of candidates, each with exactly one invitation.
        // (DrawEvaluated and the invitations travel on different topics: the projection may still be catching up.)
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        // 404 until query-service has projected the candidate's CandidateScored: still catching up.
                        List<String> rounds = Api.get(stack.query, "reader", "/api/v1/candidates/{id}/invitations", id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("items.drawNumber");
                        assertEquals(1, rounds.stream().filter(number::equals).count(), id + ": " + rounds);
                    });
        }
        phase("200 sampled candidates each invited once by query-service");
    }

    /** Both scoring instances are members of the evaluation's group and each holds some of its partitions. */
    private static boolean evaluationSplitInTwo() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.infra.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(InternalTopics.APPLICATION_ID))
                    .all()
                    .get()
                    .get(InternalTopics.APPLICATION_ID);
            return group.groupState() == GroupState.STABLE
                    && group.members().size() == 2
                    && group.members().stream()
                            .allMatch(m -> !m.assignment().topicPartitions().isEmpty());
        }
    }

    private static long phaseStarted = System.nanoTime();

    /** Where the time of this long test goes, in the build log: the machine is shared, so say what took long. */
    private static void phase(String done) {
        long now = System.nanoTime();
        System.out.printf("RestartsIT: %-66s %6.1f s%n", done, (now - phaseStarted) / 1e9);
        phaseStarted = now;
    }
}
