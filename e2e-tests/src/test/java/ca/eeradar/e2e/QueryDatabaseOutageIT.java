package ca.eeradar.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.contracts.DrawEvaluated;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * query-service's database goes away for 30 s while a round of 50,000 InvitationLikely events is being
 * projected: first only its own database (connections refused, its sessions terminated: a fail-over
 * or an operator's maintenance), then the whole PostgreSQL server (which ingest and scoring share
 * here). Each time the read model must end with every invitation of the round, the round visible,
 * and no record dead-lettered: an outage is transient, not poison.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryDatabaseOutageIT {
    static final E2eStack stack = E2eStack.get();
    static final int POOL = Integer.getInteger("e2e.outage.profiles", 50_000);
    static final Duration OUTAGE = Duration.ofSeconds(30);
    /** The query-service database in this stack (E2eStack: one database per service on the shared server). */
    static final String QUERY_DATABASE = "e2e_query";

    static Instant drawnAt;
    static LocalDate drawDate;

    /**
     * Provincial nominees, submitted before either round: a PNP round invites exactly them, whatever
     * other tests of this stack stored (none of those has a nomination).
     */
    @BeforeAll
    static void storeNominees() throws Exception {
        drawnAt = Instant.now().minus(50, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        drawDate = drawnAt.atZone(ZoneId.of("Canada/Eastern")).toLocalDate();
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            ids.add("nominee-" + run + "-" + i);
        }
        long started = System.nanoTime();
        ProfileImports.store(
                ids, i -> Profiles.profile(drawDate, drawnAt.minusSeconds(60 + i % 600), false, "CA", "ON"));
        System.out.printf(
                "QueryDatabaseOutageIT: stored %d nominees in %.1f s%n", POOL, (System.nanoTime() - started) / 1e9);
    }

    @Test
    @Order(1)
    void queryDatabaseRefusingConnectionsFor30sLosesNoInvitation() throws Exception {
        roundSurvives("its database refusing connections", () -> refuseConnections(true), () -> {
            refuseConnections(false);
        });
    }

    @Test
    @Order(2)
    void wholePostgresStoppedFor30sLosesNoInvitation() throws Exception {
        var postgres = stack.infra.postgres().orElseThrow(() -> new IllegalStateException("needs the local server"));
        roundSurvives("PostgreSQL stopped", postgres::stop, postgres::start);
    }

    interface Step {
        void run() throws Exception;
    }

    private void roundSurvives(String outage, Step begin, Step end) throws Exception {
        Map<String, Long> deadLettersBefore = TopicReads.deadLetterCounts();
        String number = String.valueOf(100000 + new Random().nextInt(800000));
        Api.as(stack.ingest, "draw-admin")
                .body("""
                {"number":"%s","date":"%s","drawnAt":"%s","name":"Provincial Nominee Program","roundType":"PROGRAM",
                 "program":"PNP","category":null,"categoryVersion":null,"eligiblePrograms":["PNP"],
                 "invitations":%d,"crsCutoff":700,"tieBreakAt":null,"pool":null}
                """.formatted(number, drawDate, drawnAt, POOL))
                .post("/api/v1/draws")
                .then()
                .statusCode(201);

        // The outage begins once the projection is at work on this round: its first invitations are stored.
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> invitationsStored(number) > 0);
        long atStart = invitationsStored(number);
        begin.run();
        long outageStarted = System.nanoTime();
        try {
            // Throughout the outage, not one dead letter: the consumers wait, they do not give up.
            await().during(OUTAGE)
                    .atMost(OUTAGE.plusSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> TopicReads.deadLetterCounts().equals(deadLettersBefore));
        } finally {
            end.run();
        }
        long outageEnded = System.nanoTime();

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !TopicReads.evaluations(number).isEmpty());
        List<DrawEvaluated> evaluated = TopicReads.evaluations(number);
        assertEquals(1, evaluated.size(), "DrawEvaluated once: " + evaluated);
        assertEquals(POOL, evaluated.get(0).likely(), "every nominee, and only they, is likely in a PNP round");
        List<String> onTopic = TopicReads.invitationIds(number);
        assertEquals(POOL, onTopic.size(), "InvitationLikely events of the round");
        assertEquals(POOL, new HashSet<>(onTopic).size(), "no InvitationLikely twice");

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    var answer = Api.get(stack.query, "reader", "/api/v1/draws/{n}", number);
                    return answer.statusCode() == 200
                            && answer.jsonPath().get("evaluation") != null
                            && answer.jsonPath().getLong("evaluation.invitationsRecorded") == POOL;
                });
        JsonPath round =
                Api.get(stack.query, "reader", "/api/v1/draws/{n}", number).jsonPath();
        assertEquals(number, round.getString("number"));
        assertEquals(700, round.getInt("crsCutoff"));
        assertEquals(1, round.getInt("evaluation.revision"));
        assertEquals(POOL, round.getLong("evaluation.likely"));
        assertEquals(POOL, round.getLong("evaluation.invitationsRecorded"));
        assertEquals(POOL, invitationsStored(number), "one invitation row per likely nominee");
        assertEquals(deadLettersBefore, TopicReads.deadLetterCounts(), "nothing dead-lettered");
        System.out.printf(
                "QueryDatabaseOutageIT: %s for %d ms with %d of %d invitations stored; complete %d ms after%n",
                outage,
                (outageEnded - outageStarted) / 1_000_000,
                atStart,
                POOL,
                (System.nanoTime() - outageEnded) / 1_000_000);
    }

    /** Invitation rows of the round in query-service's read model; 0 while the database is away. */
    private static long invitationsStored(String number) {
        try (Connection c = connect(QUERY_DATABASE);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select count(*) from invitation where draw_number = '" + number + "' and draw_revision = 1")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0;
        }
    }

    /**
     * ALTER DATABASE ... ALLOW_CONNECTIONS as the superuser, and (when refusing) the end of every
     * session of that database: what a fail-over or maintenance does to query-service alone.
     */
    private static void refuseConnections(boolean refuse) throws SQLException {
        try (Connection admin = connect("postgres");
                Statement s = admin.createStatement()) {
            s.execute("alter database " + QUERY_DATABASE + " allow_connections " + !refuse);
            if (refuse) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + QUERY_DATABASE
                        + "' and pid <> pg_backend_pid()");
            }
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                stack.infra.jdbcUrl(database), stack.infra.jdbcUser(), stack.infra.jdbcPassword());
    }
}
