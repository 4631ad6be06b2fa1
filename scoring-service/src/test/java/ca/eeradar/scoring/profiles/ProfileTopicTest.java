package ca.eeradar.scoring.profiles;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.localinfra.TestTokens;
import ca.eeradar.scoring.evaluation.Profiles;
import ca.eeradar.scoring.evaluation.Topic;
import ca.eeradar.scoring.pool.CompactProfile;
import ca.eeradar.scoring.pool.PoolEntry;
import ca.eeradar.scoring.pool.ProfileRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Stored profiles reach the internal profile topic encrypted, in order, erased by a tombstone, and once more by the backfill. */
@QuarkusTest
@QuarkusTestResource(
        value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class ProfileTopicTest {
    private static final String WRITER = TestTokens.bearer(TestTokens.WRITER);
    private static final String PATH = "/api/v1/candidates/{id}/profile";

    @Inject
    ProfileRecords records;

    @Inject
    ProfileTopicBackfill backfill;

    @Inject
    DataSource dataSource;

    private static List<ConsumerRecord<String, byte[]>> onTopic(String candidateId) {
        return Topic.read(InternalTopics.CANDIDATE_PROFILES, r -> candidateId.equals(r.key()));
    }

    @Test
    void everyChangeReachesTheTopicEncryptedInOrderAndErasureLeavesATombstone() {
        String id = "t-" + UUID.randomUUID();
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(Profiles.base().json())
                .put(PATH, id)
                .then()
                .statusCode(201);
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(Profiles.base().sibling().json())
                .put(PATH, id)
                .then()
                .statusCode(200);
        given().header("Authorization", WRITER).delete(PATH, id).then().statusCode(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> onTopic(id).size() == 3);
        List<ConsumerRecord<String, byte[]>> log = onTopic(id);
        // The value is ciphertext: the compact form would show the job's NOC code as text, and decode.
        String raw = new String(log.get(0).value(), StandardCharsets.ISO_8859_1);
        assertEquals(-1, raw.indexOf("21231"), "no plain profile field on the topic");
        assertNull(CompactProfile.decode(log.get(0).value()), "not the plain compact form");
        assertEquals(records.activeKeyId(), Topic.header(log.get(0), InternalTopics.KEY_ID_HEADER));
        PoolEntry first = records.read(id, log.get(0).value(), log.get(0).headers());
        PoolEntry second = records.read(id, log.get(1).value(), log.get(1).headers());
        assertEquals(Profiles.base().profile().profileSubmittedAt(), first.submittedAt());
        assertNotEquals(first.profile().toString(), second.profile().toString());
        assertNull(log.get(2).value(), "erasure is a tombstone");
    }

    @Test
    void backfillPublishesEveryStoredProfileAgainForANewLayout() throws Exception {
        String id = "b-" + UUID.randomUUID();
        given().header("Authorization", WRITER)
                .contentType("application/json")
                .body(Profiles.base().json())
                .put(PATH, id)
                .then()
                .statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> onTopic(id).size() == 1);
        backfill.run();
        assertEquals(1, onTopic(id).size(), "the backfill of this layout is done: nothing published again");

        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            // As if the database predated the topic (or the compact layout changed): no marker for this layout.
            s.executeUpdate("delete from profile_topic_backfill");
        }
        backfill.restart();
        backfill.run();
        await().atMost(Duration.ofSeconds(30)).until(() -> onTopic(id).size() == 2);
        ConsumerRecord<String, byte[]> again = onTopic(id).get(1);
        assertEquals(
                Profiles.base().profile().profileSubmittedAt(),
                records.read(id, again.value(), again.headers()).submittedAt());
    }
}
