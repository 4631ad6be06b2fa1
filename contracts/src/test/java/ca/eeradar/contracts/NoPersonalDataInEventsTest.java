package ca.eeradar.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.privacy.PersonalDataCheck;
import ca.eeradar.contracts.rules.ScoreMonth;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** No event a producer writes lets a subscriber read a date of birth, an age, a test date or score, or a name. */
class NoPersonalDataInEventsTest {

    static Stream<Arguments> writtenSamples() {
        return ContractSamples.valid().entrySet().stream()
                .filter(e -> !Schemas.retired(e.getKey()))
                .flatMap(e -> e.getValue().stream().map(sample -> Arguments.of(e.getKey(), sample)));
    }

    @Test
    void everyWrittenTypeHasSamplesAndOnlyV1OfCandidateScoredIsRetired() {
        Set<String> written = new TreeSet<>(ContractEventTypes.all());
        written.removeIf(Schemas::retired);
        Set<String> sampled = new TreeSet<>(ContractSamples.valid().keySet());
        sampled.removeIf(Schemas::retired);

        assertEquals(written, sampled);
        assertEquals(
                Set.of(EventTypes.CANDIDATE_SCORED_V1),
                ContractEventTypes.all().stream()
                        .filter(Schemas::retired)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("writtenSamples")
    void sampleCarriesNoPersonalData(String ceType, Record sample) {
        assertEquals(List.of(), PersonalDataCheck.findings(ceType, SchemaDocuments.wire(sample)));
    }

    @Test
    void theRetiredV1TimelineIsWhatTheCheckCatches() {
        JsonNode v1 = SchemaDocuments.wire(ContractSamples.scoredV1());
        // Read as if a producer wrote it under the v2 type: the timeline's name, dates and words are all found.
        List<String> findings = PersonalDataCheck.findings(EventTypes.CANDIDATE_SCORED, v1);

        assertTrue(
                findings.contains("field timeline: its name speaks of personal data (timeline)"), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.contains("(turns)")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.contains("(test)")), findings.toString());
        assertTrue(
                findings.stream().anyMatch(f -> f.startsWith("value of timeline.date holds a date")),
                findings.toString());
        assertTrue(
                findings.stream().anyMatch(f -> f.startsWith("asOf 2026-11-23 is not the 1st")), findings.toString());
        assertEquals(
                List.of(EventTypes.CANDIDATE_SCORED_V1 + " is retired: no producer may write it"),
                PersonalDataCheck.findings(EventTypes.CANDIDATE_SCORED_V1, v1));
    }

    @Test
    void v1ReadWithoutTimelineIsAClean2Payload() {
        CandidateScored current = ContractSamples.scoredV1().withoutTimeline();

        assertEquals(ContractSamples.scoredV1().total(), current.total());
        assertFalse(SchemaDocuments.wire(current).has("timeline"));
    }

    /** One personal detail slipped into a clean sample, and the finding expected for it. */
    record Leak(String name, String ceType, Record sample, Consumer<ObjectNode> leak, String finding) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Leak> leaks() {
        Record scored = ContractSamples.scored();
        Record likely = ContractSamples.atTheCutoff();
        Record erased = ContractSamples.erased();
        String s = EventTypes.CANDIDATE_SCORED;
        return Stream.of(
                new Leak("date of birth", s, scored, n -> n.put("dateOfBirth", "1996-04-12"), "field dateOfBirth"),
                new Leak("age", s, scored, n -> n.put("age", 30), "field age"),
                new Leak(
                        "birthday in a warning",
                        s,
                        scored,
                        n -> n.putArray("warnings").add("turns 30 on 2026-12-14"),
                        "value of warnings speaks of personal data (turns)"),
                new Leak(
                        "age in a warning",
                        s,
                        scored,
                        n -> n.putArray("warnings").add("age points 110 -> 105"),
                        "value of warnings speaks of personal data (age)"),
                new Leak(
                        "test date in a warning",
                        s,
                        scored,
                        n -> n.putArray("warnings").add("English test of 2025-01-10"),
                        "value of warnings speaks of personal data (test)"),
                new Leak(
                        "a bare date in a warning",
                        s,
                        scored,
                        n -> n.putArray("warnings").add("until 2027-01-10"),
                        "value of warnings holds a date"),
                new Leak("the day of a change", s, scored, n -> n.put("asOf", "2026-12-14"), "asOf 2026-12-14"),
                new Leak(
                        "test scores",
                        s,
                        scored,
                        n -> ((ObjectNode) n.get("sections")).put("ieltsListening", 7.5),
                        "field sections.ieltsListening"),
                new Leak(
                        "a name",
                        EventTypes.CANDIDATE_ERASED,
                        erased,
                        n -> n.put("fullName", "Jane Doe"),
                        "field fullName"),
                new Leak(
                        "a spouse",
                        EventTypes.INVITATION_LIKELY,
                        likely,
                        n -> n.put("spouseName", "John"),
                        "field spouseName"),
                new Leak(
                        "a test date on an invitation",
                        EventTypes.INVITATION_LIKELY,
                        likely,
                        n -> n.put("basis", "GENERAL since 2025-01-10"),
                        "value of basis holds a date"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaks")
    void aLeakIsFound(Leak leak) {
        ObjectNode payload = (ObjectNode) SchemaDocuments.wire(leak.sample());
        leak.leak().accept(payload);

        List<String> findings = PersonalDataCheck.findings(leak.ceType(), payload);
        assertTrue(findings.stream().anyMatch(f -> f.startsWith(leak.finding())), findings.toString());
    }

    @Test
    void theScoreMonthIsTheFirstOfTheMonth() {
        assertEquals(LocalDate.parse("2026-12-01"), ScoreMonth.of(LocalDate.parse("2026-12-14")));
        assertEquals(LocalDate.parse("2026-12-01"), ScoreMonth.of(LocalDate.parse("2026-12-01")));
        assertEquals(
                "^" + ScoreMonth.PATTERN + "$",
                SchemaDocuments.json(Schemas.CANDIDATE_SCORED)
                        .at("/properties/asOf/pattern")
                        .asText());
    }
}
