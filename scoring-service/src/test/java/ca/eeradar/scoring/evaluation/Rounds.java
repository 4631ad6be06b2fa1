package ca.eeradar.scoring.evaluation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Test rounds: announced on the real draws topic, results read back from the real output topics. */
public final class Rounds {
    /** Three days before the test machine's "today" (2026-11-23): within the evaluation's max draw age. */
    public static final LocalDate DRAW_DATE = LocalDate.of(2026, 11, 20);

    public static final Instant DRAWN_AT = Instant.parse("2026-11-20T15:00:00Z");

    private Rounds() {}

    /** A round number no other test uses: six digits and a letter (valid round numbers, 23M of them). */
    public static String newNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextInt(100_000, 1_000_000) + String.valueOf((char) ('a' + random.nextInt(26)));
    }

    public static Draw program(String number, int revision, Program program, int cutoff, Instant tieBreakAt) {
        return new Draw(
                number,
                DRAW_DATE,
                DRAWN_AT,
                "test " + program,
                Draw.RoundType.PROGRAM,
                program,
                null,
                null,
                List.of(),
                100,
                cutoff,
                tieBreakAt,
                null,
                revision,
                new Draw.Source(Draw.SourceKind.MANUAL, "test", Instant.now()));
    }

    public static RecordMetadata announce(Draw draw) throws Exception {
        String type = draw.revision() == 1 ? EventTypes.DRAW_ANNOUNCED : EventTypes.DRAW_CORRECTED;
        CloudEvent ce = new CloudEvent(
                EventTypes.drawEventId(draw.number(), draw.revision()),
                type,
                EventTypes.SOURCE_INGEST,
                Instant.now(),
                draw.number());
        return Topic.send(Topics.DRAWS, draw.number(), EventJson.write(draw), ce.headers());
    }

    public static void awaitReady() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    /** Waits for the round's DrawEvaluated, then answers it and the InvitationLikely records of that revision. */
    public static List<ConsumerRecord<String, byte[]>> evaluated(String number, int revision) {
        String id = EventTypes.drawEvaluatedId(number, revision);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !Topic.read(Topics.DRAW_EVALUATIONS, r -> id.equals(Topic.ceId(r)))
                        .isEmpty());
        return Topic.read(Topics.DRAW_EVALUATIONS, r -> id.equals(Topic.ceId(r)));
    }

    public static List<ConsumerRecord<String, byte[]>> invitations(String number, int revision) {
        String prefix = "invitation-likely-" + number + "-r" + revision + "-";
        return Topic.read(Topics.INVITATION_LIKELY, r -> {
            String ce = Topic.ceId(r);
            return ce != null && ce.startsWith(prefix);
        });
    }

    public static void store(String candidateId, Profiles profile) {
        given().header("Authorization", TestTokens.bearer(TestTokens.WRITER))
                .contentType("application/json")
                .body(profile.json())
                .put("/api/v1/candidates/{id}/profile", candidateId)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(200)));
    }
}
