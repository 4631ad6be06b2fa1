package ca.eeradar.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.InvitationLikely;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.LocalInfra;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import ca.eeradar.query.readmodel.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The read model's database refuses connections while a round is projected (issue 15: the round, its
 * DrawEvaluated and good invitations went to the DLQs and the round answered 404 for good). Here it
 * refuses them for 12 s, its sessions terminated, with half of the round's invitations in flight and the
 * other half and the DrawEvaluated sent during the outage: afterwards the round is complete, nothing
 * was dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class DatabaseOutageTest {
    private static final Duration OUTAGE = Duration.ofSeconds(12);
    private static final int INVITATIONS = 1200;
    private static final List<String> CONSUMED =
            List.of(Topics.DRAWS, Topics.INVITATION_LIKELY, Topics.CANDIDATE_SCORES, Topics.DRAW_EVALUATIONS);

    @Inject
    DataSource ds;

    /** The read model's database as the service is configured (tests give it its own, not ee_radar_query). */
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void aRoundProjectedWhileTheDatabaseRefusesConnectionsIsCompleteAfterwardsAndNothingIsDeadLettered()
            throws SQLException {
        Map<String, Integer> deadLettersBefore = deadLetterCounts();
        String run = "outage-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Draw round = TopicEvents.draw(
                "9101", LocalDate.of(2085, 3, 5), Draw.RoundType.PROGRAM, Program.CEC, null, INVITATIONS, 505, null, 1);
        List<ProducerRecord<String, byte[]>> firstHalf = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> secondHalf = new ArrayList<>();
        for (int i = 0; i < INVITATIONS; i++) {
            InvitationLikely invitation = CandidateApiTest.invitation(run + i, round, 1, 505 + i % 100);
            (i < INVITATIONS / 2 ? firstHalf : secondHalf).add(TopicEvents.invitationRecord(invitation));
        }

        TopicEvents.draw(round, TopicEvents.at(round));
        TopicEvents.sendAll(firstHalf);
        // The outage begins as soon as the projection is at work on the first half (its first invitations
        // are in), so it meets the database going away with records in hand.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> invited(round) > 0);
        long outageStart = System.nanoTime();
        refuseConnections(true);
        long outageEnd;
        try {
            SQLException refused =
                    assertThrows(SQLException.class, () -> connect(database()).close());
            assertEquals("55000", refused.getSQLState(), "the database is not accepting connections");
            TopicEvents.sendAll(secondHalf);
            TopicEvents.evaluated(
                    new DrawEvaluated(round.number(), 1, 50000, 9000, INVITATIONS, 840),
                    TopicEvents.at(round).plusSeconds(60));
            // Throughout the outage: not one dead letter.
            await().during(OUTAGE)
                    .atMost(OUTAGE.plusSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> deadLetterCounts().equals(deadLettersBefore));
        } finally {
            refuseConnections(false);
            outageEnd = System.nanoTime();
        }

        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> status("/api/v1/draws/9101") == 200 && invited(round) == INVITATIONS && evaluated(round));
        given().header("Authorization", TestTokens.bearer(TestTokens.READER))
                .when()
                .get("/api/v1/draws/9101")
                .then()
                .statusCode(200)
                .body("number", equalTo("9101"))
                .body("revision", equalTo(1))
                .body("invitations", equalTo(INVITATIONS))
                .body("evaluation.revision", equalTo(1))
                .body("evaluation.evaluated", equalTo(50000))
                .body("evaluation.eligible", equalTo(9000))
                .body("evaluation.likely", equalTo(INVITATIONS))
                .body("evaluation.invitationsRecorded", equalTo(INVITATIONS));
        assertEquals(INVITATIONS, invited(round));
        System.out.printf(
                "DatabaseOutageTest: connections refused for %d ms; the round was complete %d ms later%n",
                (outageEnd - outageStart) / 1_000_000, (System.nanoTime() - outageEnd) / 1_000_000);

        // Every record the channels took is acknowledged (so any dead letter of theirs was sent before): the
        // DLQs hold exactly what they held before the outage, and nothing of this round.
        awaitEverythingCommitted();
        assertEquals(deadLettersBefore, deadLetterCounts());
        for (String topic : CONSUMED) {
            assertEquals(0, TopicEvents.dlqCount(topic, run), topic);
            assertEquals(0, TopicEvents.dlqCount(topic, "\"9101\""), topic);
        }
    }

    private String database() {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    /**
     * ALTER DATABASE ... ALLOW_CONNECTIONS as the superuser on the same server, and (when refusing) ends
     * every session of it: what an operator's maintenance or a fail-over does to the service.
     */
    private void refuseConnections(boolean refuse) throws SQLException {
        try (Connection admin = connect("postgres");
                Statement s = admin.createStatement()) {
            s.execute("alter database \"" + database() + "\" allow_connections " + !refuse);
            if (refuse) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database()
                        + "' and pid <> pg_backend_pid()");
            }
        }
    }

    private static Connection connect(String database) throws SQLException {
        LocalInfra infra = LocalInfra.shared();
        return DriverManager.getConnection(infra.jdbcUrl(database), infra.jdbcUser(), infra.jdbcPassword());
    }

    private long invited(Draw round) {
        return Sql.query(
                        ds,
                        "select count(*) from invitation where draw_number = ? and draw_revision = 1",
                        List.of(round.number()),
                        rs -> rs.getLong(1))
                .get(0);
    }

    private boolean evaluated(Draw round) {
        return !Sql.query(
                        ds,
                        "select 1 from draw_evaluation where draw_number = ? and draw_revision = 1",
                        List.of(round.number()),
                        rs -> rs.getInt(1))
                .isEmpty();
    }

    private static int status(String path) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.READER))
                .when()
                .get(path)
                .statusCode();
    }

    private static Map<String, Integer> deadLetterCounts() {
        Map<String, Integer> counts = new HashMap<>();
        CONSUMED.forEach(t -> counts.put(t, TopicEvents.deadLetters(t).size()));
        return counts;
    }

    /** Until query-service's group has committed the end of every partition of the four topics. */
    private static void awaitEverythingCommitted() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.shared().bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                                        "query-service")
                                .partitionsToOffsetAndMetadata()
                                .get();
                        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                        for (var description : admin.describeTopics(CONSUMED)
                                .allTopicNames()
                                .get()
                                .values()) {
                            description
                                    .partitions()
                                    .forEach(info -> latest.put(
                                            new TopicPartition(description.name(), info.partition()),
                                            OffsetSpec.latest()));
                        }
                        var ends = admin.listOffsets(latest).all().get();
                        return ends.entrySet().stream()
                                .allMatch(e -> e.getValue().offset() == 0
                                        || committed.get(e.getKey()) != null
                                                && committed.get(e.getKey()).offset()
                                                        == e.getValue().offset());
                    });
        }
    }
}
