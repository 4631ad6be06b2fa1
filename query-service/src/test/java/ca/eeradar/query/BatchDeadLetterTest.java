package ca.eeradar.query;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.DeadLetterHeaders;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.LocalInfraTestResource;
import ca.eeradar.query.projection.MalformedEventException;
import ca.eeradar.query.readmodel.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * The projections consume in batches: one bad record inside a batch goes to the DLQ alone, exactly
 * once, and the good records around it are applied. Two kinds of bad: one the checks reject before
 * the transaction (total 1300), one only the database refuses (a NUL character in a text column),
 * which rolls the batch back and makes the projection apply its records one by one. A NUL is poison
 * (a data exception, SQLState class 22), not an outage: it is dead-lettered at once, not retried.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "query"))
class BatchDeadLetterTest {
    @Inject
    DataSource ds;

    @Test
    void badRecordsOfABatchGoToTheDlqAloneAndTheGoodOnesAreApplied() {
        String run = "bdl-" + UUID.randomUUID().toString().substring(0, 8);
        String invalid = run + "-invalid";
        String refused = run + "-refused";
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(scored(run, scored(run + "-" + i, 480)));
        }
        records.add(scored(run, scored(invalid, 1300)));
        for (int i = 10; i < 20; i++) {
            records.add(scored(run, scored(run + "-" + i, 480)));
        }
        records.add(scored(run, scored(refused + "\u0000", 480)));
        for (int i = 20; i < 30; i++) {
            records.add(scored(run, scored(run + "-" + i, 480)));
        }
        // one key: one partition, in this order, most likely one poll
        Instant sent = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<RecordMetadata> landed = TopicEvents.sendAll(records);
        RecordMetadata invalidAt = landed.get(10);

        // Every header an operator needs to find, judge and redrive the record, each exactly.
        ConsumerRecord<String, byte[]> rejected = TopicEvents.awaitDlq(Topics.CANDIDATE_SCORES, invalid);
        assertEquals("invalid field total: 1300", TopicEvents.header(rejected, DeadLetterHeaders.REASON));
        assertEquals(
                MalformedEventException.class.getName(),
                TopicEvents.header(rejected, DeadLetterHeaders.EXCEPTION_CLASS_NAME));
        assertNull(TopicEvents.header(rejected, DeadLetterHeaders.CAUSE));
        assertNull(TopicEvents.header(rejected, DeadLetterHeaders.CAUSE_CLASS_NAME));
        assertEquals(Topics.CANDIDATE_SCORES, TopicEvents.header(rejected, DeadLetterHeaders.TOPIC));
        assertEquals(
                Integer.toString(invalidAt.partition()), TopicEvents.header(rejected, DeadLetterHeaders.PARTITION));
        assertEquals(Long.toString(invalidAt.offset()), TopicEvents.header(rejected, DeadLetterHeaders.OFFSET));
        assertEquals("query-service", TopicEvents.header(rejected, DeadLetterHeaders.GROUP));
        Instant rejectedAt = Instant.parse(TopicEvents.header(rejected, DeadLetterHeaders.TIME));
        assertFalse(rejectedAt.isBefore(sent), rejectedAt + " is before the record was sent at " + sent);
        assertFalse(rejectedAt.isAfter(Instant.now()), rejectedAt + " is in the future");
        assertEquals(run, rejected.key());
        assertEquals(EventTypes.CANDIDATE_SCORED, TopicEvents.header(rejected, CloudEvent.TYPE));

        ConsumerRecord<String, byte[]> refusedByDb = TopicEvents.awaitDlq(Topics.CANDIDATE_SCORES, refused);
        assertThat(
                TopicEvents.header(refusedByDb, DeadLetterHeaders.REASON), containsString("read model update failed"));
        assertNotNull(TopicEvents.header(refusedByDb, DeadLetterHeaders.CAUSE));
        assertEquals("query-service", TopicEvents.header(refusedByDb, DeadLetterHeaders.GROUP));
        assertEquals(Long.toString(landed.get(21).offset()), TopicEvents.header(refusedByDb, DeadLetterHeaders.OFFSET));
        assertEquals(
                Long.parseLong(TopicEvents.header(rejected, DeadLetterHeaders.OFFSET)) + 11,
                Long.parseLong(TopicEvents.header(refusedByDb, DeadLetterHeaders.OFFSET)));

        await().atMost(Duration.ofSeconds(60)).until(() -> applied(run + "-%") == 30);
        assertEquals(0, applied(invalid));
        assertEquals(1, TopicEvents.dlqCount(Topics.CANDIDATE_SCORES, invalid));
        assertEquals(1, TopicEvents.dlqCount(Topics.CANDIDATE_SCORES, refused));
        assertEquals(0, TopicEvents.dlqCount(Topics.CANDIDATE_SCORES, run + "-1\""));
    }

    private long applied(String pattern) {
        return Sql.query(
                        ds,
                        "select count(*) from candidate_score where candidate_id like ?",
                        List.of(pattern),
                        rs -> rs.getLong(1))
                .get(0);
    }

    private static CandidateScored scored(String candidate, int total) {
        return new CandidateScored(
                candidate,
                1,
                LocalDate.of(2071, 1, 1),
                total,
                new CandidateScored.Sections(total - 70, 0, 50, 20),
                "2025-03-25",
                List.of(Program.CEC),
                List.of(),
                List.of(),
                Instant.parse("2071-01-01T00:00:00Z"));
    }

    private static ProducerRecord<String, byte[]> scored(String key, CandidateScored s) {
        return TopicEvents.record(
                Topics.CANDIDATE_SCORES,
                key,
                new CloudEvent(
                        EventTypes.candidateScoredId(
                                s.candidateId(), s.profileVersion(), s.asOf(), String.valueOf(s.total())),
                        EventTypes.CANDIDATE_SCORED,
                        EventTypes.SOURCE_SCORING,
                        s.scoredAt(),
                        s.candidateId()),
                EventJson.write(s));
    }
}
