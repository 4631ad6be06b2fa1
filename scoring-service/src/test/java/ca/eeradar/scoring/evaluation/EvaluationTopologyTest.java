package ca.eeradar.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.contracts.InvitationLikely;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.crs.CrsEngine;
import ca.eeradar.scoring.pool.ProfileCipher;
import ca.eeradar.scoring.pool.ProfileRecords;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The evaluation topology on Kafka Streams' test driver: one partition, so the requests of a
 * "three-partition" round all reach the same task (each names its partition, and the summaries count
 * them as three). The verdict cases are those of the database-era evaluation test.
 */
class EvaluationTopologyTest {
    private static final CrsEngine ENGINE = CrsEngine.withOfficialRules();
    private static final ZoneId ZONE = ZoneId.of("Canada/Eastern");
    private static final Instant TIE_BREAK = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-11-20T16:00:00Z");
    private static final Instant REQUESTED = Instant.parse("2026-11-20T16:00:01Z");
    /**
     * Most slots per slice for the driver's tasks: far below the service's (a block, 4,096), so a pool of a few test
     * profiles is cut into several slices and every verdict case goes through sliced evaluation. All of a small
     * pool's slots are in block 0, so slice 0 judges them and the others report nothing.
     */
    private static final int SLICE_SIZE = 4;

    private final ProfileRecords records = new ProfileRecords(
            new ProfileCipher("k1", Map.of("k1", Base64.getEncoder().encodeToString(new byte[32]))));
    /** The evaluation times the topology reported (the metric's input), one per emitted DrawEvaluated. */
    private final List<java.time.Duration> roundTimes = new java.util.ArrayList<>();

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> profiles;
    private TestInputTopic<String, byte[]> requests;
    private TestOutputTopic<String, byte[]> invitations;
    private TestOutputTopic<String, byte[]> evaluations;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "evaluation-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T16:00:02Z"), ZoneOffset.UTC);
        driver = new TopologyTestDriver(
                EvaluationTopology.build(ENGINE, ZONE, records, clock, SLICE_SIZE, roundTimes::add), props);
        profiles = driver.createInputTopic(
                InternalTopics.CANDIDATE_PROFILES, new StringSerializer(), new ByteArraySerializer());
        requests = driver.createInputTopic(
                InternalTopics.EVALUATION_REQUESTS, new StringSerializer(), new ByteArraySerializer());
        invitations = driver.createOutputTopic(
                Topics.INVITATION_LIKELY, new StringDeserializer(), new ByteArrayDeserializer());
        evaluations = driver.createOutputTopic(
                Topics.DRAW_EVALUATIONS, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void store(String candidateId, Profiles profile) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(records.keyIdHeader());
        profiles.pipeInput(new TestRecord<>(candidateId, records.value(candidateId, profile.profile()), headers));
    }

    private void erase(String candidateId) {
        profiles.pipeInput(candidateId, null);
    }

    /**
     * Pipes the round's fan-out for {@code partitions} partitions (all into the driver's one partition): the task
     * cuts each into slices of {@link #SLICE_SIZE} slots, the first chaining the next.
     */
    private void evaluate(Draw draw, int partitions) {
        for (EvaluationRequest r : EvaluationRequest.fanOut(draw, partitions, RECEIVED, REQUESTED)) {
            requests.pipeInput(r.roundKey(), EventJson.write(r));
        }
    }

    /** The driver refuses to look into a topic nothing was ever written to: that is empty too. */
    private static boolean nothingIn(TestOutputTopic<String, byte[]> topic) {
        try {
            return topic.isEmpty();
        } catch (java.util.NoSuchElementException neverWritten) {
            return true;
        }
    }

    private Map<String, InvitationLikely> invited() {
        return invitations.readRecordsToList().stream()
                .map(r -> EventJson.read(r.value(), InvitationLikely.class))
                .collect(Collectors.toMap(InvitationLikely::candidateId, i -> i));
    }

    @Test
    void fanOutSendsEachPartitionItsFirstSliceNamingItsPartition() {
        Draw draw = Rounds.program("500", 1, Program.CEC, 480, TIE_BREAK);
        List<EvaluationRequest> fanOut = EvaluationRequest.fanOut(draw, 12, RECEIVED, REQUESTED);
        assertEquals(12, fanOut.size());
        for (int i = 0; i < 12; i++) {
            EvaluationRequest r = fanOut.get(i);
            assertEquals(i, r.partition());
            assertEquals(12, r.partitions());
            assertEquals(0, r.slice());
            assertTrue(r.countOpen(), "the task decides the count");
            assertEquals("500/r1", r.roundKey());
        }
        assertNull(fanOut.get(7).next(), "no next slice before the count is decided");
        EvaluationRequest second = fanOut.get(7).inSlices(3).next();
        assertEquals(new EvaluationRequest(draw, 7, 12, 1, 3, RECEIVED, REQUESTED), second);
        assertEquals(2, second.next().slice());
        assertNull(second.next().next(), "no slice after the last");
    }

    @Test
    void eachSliceSendsTheNextSlicesRequestToItsOwnPartition() {
        for (int i = 0; i < 9; i++) {
            store("c" + i, Profiles.base().sibling());
        }
        TestOutputTopic<String, byte[]> requestsOut = driver.createOutputTopic(
                InternalTopics.EVALUATION_REQUESTS, new StringDeserializer(), new ByteArrayDeserializer());
        Draw draw = Rounds.program("510", 1, Program.CEC, 300, null);
        EvaluationRequest first =
                EvaluationRequest.fanOut(draw, 12, RECEIVED, REQUESTED).get(5);
        requests.pipeInput(first.roundKey(), EventJson.write(first));
        // 9 slots in slices of at most 4: the task decides 3. The driver reads what the topology wrote to a topic it
        // also reads, so both next slices were judged too.
        EvaluationRequest decided = first.inSlices(3);
        List<EvaluationRequest> written = requestsOut.readRecordsToList().stream()
                .map(r -> EventJson.read(r.value(), EvaluationRequest.class))
                .toList();
        assertEquals(List.of(decided.next(), decided.next().next()), written);
        assertEquals(9, invitations.readRecordsToList().size(), "each candidate judged once, in slice 0");
    }

    @Test
    void aRequestWithoutSlicesLeavesTheCountToItsTask() {
        // As the fan-out sends it, and as read from a request written before slicing: no slice fields, so both 0.
        EvaluationRequest old = new EvaluationRequest(
                Rounds.program("499", 1, Program.CEC, 480, null), 4, 12, 0, 0, RECEIVED, REQUESTED);
        assertEquals(0, old.slice());
        assertTrue(old.countOpen());
    }

    @Test
    void aPoolIsCutIntoAsFewSlicesAsKeepEachWithinTheSliceSize() {
        assertEquals(1, EvaluationRequest.slicesFor(0, 4096), "an empty pool reports in one slice");
        assertEquals(1, EvaluationRequest.slicesFor(4096, 4096));
        assertEquals(2, EvaluationRequest.slicesFor(4097, 4096));
        // The default slice size, 131,072: 1,000,000 profiles on 12 partitions judge in one slice each, 10,000,000 in
        // 7.
        assertEquals(1, EvaluationRequest.slicesFor(83_334, 131_072));
        assertEquals(7, EvaluationRequest.slicesFor(833_334, 131_072));
        assertEquals(16_384, EvaluationRequest.slicesFor(Integer.MAX_VALUE, 131_072), "2^31 - 1 slots, no overflow");
    }

    @Test
    void eachPartitionCompletesUnderItsOwnSliceCount() {
        TestInputTopic<String, byte[]> summaries = driver.createInputTopic(
                InternalTopics.PARTITION_SUMMARIES, new StringSerializer(), new ByteArraySerializer());
        String round = EvaluationRequest.roundKey("511", 1);
        Instant done = Instant.parse("2026-11-20T16:00:03Z");
        record Slice(int partition, int slice, int slices) {}
        java.util.function.Consumer<Slice> report = s -> summaries.pipeInput(
                round,
                EventJson.write(new PartitionSummary(
                        "511", 1, s.partition(), 2, s.slice(), s.slices(), 10, 5, 1, 0, RECEIVED, RECEIVED, done)));
        // Partition 0 in one slice, partition 1 in three: four summaries in all.
        report.accept(new Slice(1, 2, 3));
        report.accept(new Slice(0, 0, 1));
        report.accept(new Slice(1, 0, 3));
        // One that cannot be placed (partition 1 under another count) and a repeat: ignored.
        report.accept(new Slice(1, 1, 2));
        report.accept(new Slice(1, 0, 3));
        assertTrue(nothingIn(evaluations), "three of four slices reported");
        report.accept(new Slice(1, 1, 3));
        assertEquals(
                new DrawEvaluated("511", 1, 40, 20, 4, 3000),
                EventJson.read(evaluations.readValue(), DrawEvaluated.class));
        assertTrue(evaluations.isEmpty(), "one DrawEvaluated");
    }

    @Test
    void theRoundCompletesAfterTheLastSliceAndAChangeBetweenSlicesIsNotJudgedTwice() {
        for (int i = 0; i < 10; i++) {
            store("c" + i, Profiles.base().sibling());
        }
        Draw draw = Rounds.program("509", 1, Program.CEC, 300, null);
        EvaluationRequest first =
                EvaluationRequest.fanOut(draw, 1, RECEIVED, REQUESTED).get(0);
        // Ten slots in slices of at most 4: 3 slices. Slices 1 and 2 first (the driver chains them at once; on a broker
        // each waits for the commit before it): all ten slots are in the first block, so they judge nobody, and two
        // of three slices complete nothing.
        requests.pipeInput(first.roundKey(), EventJson.write(first.inSlices(3).next()));
        assertTrue(nothingIn(evaluations), "two of three slices reported");
        assertTrue(nothingIn(invitations), "slices 1-2 hold no slot");
        // A profile changed between slices keeps its slot; slice 0 judges it, and its request for slice 1, already
        // evaluated, judges nobody again.
        store("c3", Profiles.base().sibling().submittedAt("2026-03-01T10:00:00Z"));
        requests.pipeInput(first.roundKey(), EventJson.write(first));
        assertEquals(10, invitations.readRecordsToList().size(), "each candidate once");
        DrawEvaluated done = EventJson.read(evaluations.readValue(), DrawEvaluated.class);
        assertEquals(new DrawEvaluated("509", 1, 10, 10, 10, 2000), done);
        assertTrue(evaluations.isEmpty(), "one DrawEvaluated");
    }

    @Test
    void cecRoundInvitesExactlyTheCandidatesTheRulesSay() {
        int cutoff = ENGINE.assess(Profiles.base().profile(), Rounds.DRAW_DATE).total();
        store("above", Profiles.base().sibling());
        store("at-early", Profiles.base().submittedAt("2026-03-01T10:00:00Z"));
        store("at-late", Profiles.base().submittedAt("2026-06-01T10:00:00Z"));
        store("no-cec", Profiles.base().foreignWorkOnly().nominatedOn("2026-10-01"));
        Profiles birthday = Profiles.base().bornOn("1995-09-01");
        assertTrue(
                ENGINE.assess(birthday.profile(), LocalDate.of(2026, 8, 31)).total() >= cutoff,
                "at cutoff before the birthday");
        store("birthday", birthday);
        store("test-expired", Profiles.base().sibling().languageTestTakenOn("2024-11-10"));
        store("after-draw", Profiles.base().sibling().submittedAt("2026-11-20T16:00:00Z"));
        store("expired-profile", Profiles.base().sibling().submittedAt("2025-11-19T10:00:00Z"));

        evaluate(Rounds.program("501", 1, Program.CEC, cutoff, TIE_BREAK), 1);

        Map<String, InvitationLikely> likely = invited();
        assertEquals(Set.of("above", "at-early"), likely.keySet());
        InvitationLikely above = likely.get("above");
        assertEquals(InvitationLikely.TieBreak.NOT_NEEDED, above.tieBreak());
        assertEquals(cutoff + 15, above.score());
        assertEquals(15, above.margin());
        assertEquals("PROGRAM:CEC", above.basis());
        assertEquals(REQUESTED, above.evaluatedAt());
        assertEquals(InvitationLikely.TieBreak.WON, likely.get("at-early").tieBreak());

        DrawEvaluated done = EventJson.read(evaluations.readValue(), DrawEvaluated.class);
        // In the pool: all but the one submitted after the draw and the expired profile (6); eligible for CEC: not
        // no-cec (foreign work only) nor test-expired (4); likely: above and at-early. Duration: received 16:00:00,
        // last
        // partition done at the fixed clock's 16:00:02.
        assertEquals(new DrawEvaluated("501", 1, 6, 4, 2, 2000), done);
        assertTrue(evaluations.isEmpty());
    }

    @Test
    void invitationLikelyCarriesItsDeterministicCloudEventId() {
        store("a", Profiles.base().sibling());
        evaluate(Rounds.program("502", 1, Program.CEC, 300, null), 1);
        TestRecord<String, byte[]> r = invitations.readRecord();
        CloudEvent ce = CloudEvent.from(r.headers());
        assertEquals(EventTypes.invitationLikelyId("502", 1, "a"), ce.id());
        assertEquals(EventTypes.INVITATION_LIKELY, ce.type());
        assertEquals("a", r.key());
        CloudEvent summary = CloudEvent.from(evaluations.readRecord().headers());
        assertEquals(EventTypes.drawEvaluatedId("502", 1), summary.id());
    }

    @Test
    void drawEvaluatedOnlyAfterTheLastPartitionReported() {
        store("a", Profiles.base().sibling());
        Draw draw = Rounds.program("503", 1, Program.CEC, 300, null);
        List<EvaluationRequest> fanOut = EvaluationRequest.fanOut(draw, 3, RECEIVED, REQUESTED);
        requests.pipeInput(fanOut.get(0).roundKey(), EventJson.write(fanOut.get(0)));
        requests.pipeInput(fanOut.get(2).roundKey(), EventJson.write(fanOut.get(2)));
        assertTrue(nothingIn(evaluations), "two of three partitions reported");
        // A repeated summary of partition 2 (its request sent again) completes nothing either.
        requests.pipeInput(fanOut.get(2).roundKey(), EventJson.write(fanOut.get(2)));
        assertTrue(nothingIn(evaluations), "still two of three");
        assertEquals(List.of(), roundTimes, "no round time before the round is complete");
        requests.pipeInput(fanOut.get(1).roundKey(), EventJson.write(fanOut.get(1)));
        DrawEvaluated done = EventJson.read(evaluations.readValue(), DrawEvaluated.class);
        assertEquals(List.of(java.time.Duration.ofMillis(done.durationMs())), roundTimes, "one round time per round");
        // The driver's one task holds the pool of "every" partition: each of the three counts candidate a once.
        assertEquals(3, done.evaluated());
        assertEquals(3, done.likely());
        assertTrue(evaluations.isEmpty());
    }

    @Test
    void aRepeatedRequestEvaluatesNothingTwice() {
        store("a", Profiles.base().sibling());
        Draw draw = Rounds.program("504", 1, Program.CEC, 300, null);
        evaluate(draw, 1);
        evaluate(draw, 1);
        assertEquals(1, invitations.readRecordsToList().size());
        assertEquals(1, evaluations.readRecordsToList().size());
    }

    @Test
    void aCorrectionIsEvaluatedAgainUnderItsNewRevision() {
        int score = ENGINE.assess(Profiles.base().sibling().profile(), Rounds.DRAW_DATE)
                .total();
        store("a", Profiles.base().sibling());
        evaluate(Rounds.program("505", 1, Program.CEC, score, null), 1);
        assertEquals(Set.of("a"), invited().keySet());
        evaluate(Rounds.program("505", 2, Program.CEC, score + 1, null), 1);
        assertTrue(nothingIn(invitations), "one point short under revision 2");
        List<DrawEvaluated> done = evaluations.readValuesToList().stream()
                .map(v -> EventJson.read(v, DrawEvaluated.class))
                .toList();
        assertEquals(
                List.of(1, 2), done.stream().map(DrawEvaluated::drawRevision).toList());
        assertEquals(List.of(1L, 0L), done.stream().map(DrawEvaluated::likely).toList());
    }

    @Test
    void anErasedCandidateIsNotInTheNextRound() {
        store("a", Profiles.base().sibling());
        store("b", Profiles.base().sibling());
        evaluate(Rounds.program("506", 1, Program.CEC, 300, null), 1);
        assertEquals(Set.of("a", "b"), invited().keySet());
        erase("a");
        evaluate(Rounds.program("507", 1, Program.CEC, 300, null), 1);
        assertEquals(Set.of("b"), invited().keySet());
    }

    @Test
    void aRecordUnderAnUnknownKeyIsSkippedAndCounted() {
        store("a", Profiles.base().sibling());
        RecordHeaders foreign = new RecordHeaders();
        foreign.add(ca.eeradar.contracts.InternalTopics.KEY_ID_HEADER, "k9".getBytes());
        profiles.pipeInput(new TestRecord<>(
                "b", records.value("b", Profiles.base().sibling().profile()), foreign));
        evaluate(Rounds.program("508", 1, Program.CEC, 300, null), 1);
        assertEquals(Set.of("a"), invited().keySet());
        assertNotNull(evaluations.readValue());
    }
}
