package ca.eeradar.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Events built from the records and serialized with EventJson are exactly what the schemas accept. */
class PayloadSchemaTest {

    static Stream<Arguments> validSamples() {
        return ContractSamples.valid().entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(sample -> Arguments.of(e.getKey(), sample)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("validSamples")
    void sampleValidatesAndSurvivesTheRoundTrip(String ceType, Record sample) {
        JsonNode wire = SchemaDocuments.wire(sample);

        assertEquals(Set.of(), SchemaDocuments.validate(ceType, wire));
        assertEquals(sample, EventJson.read(EventJson.write(sample), Schemas.payloadType(ceType)));
    }

    @Test
    void nullsAreWrittenNotOmitted() {
        JsonNode wire = SchemaDocuments.wire(ContractSamples.earlyGeneralRound());

        for (String nullable : List.of("drawnAt", "program", "category", "categoryVersion", "tieBreakAt", "pool")) {
            assertTrue(wire.has(nullable), nullable + " present");
            assertTrue(wire.get(nullable).isNull(), nullable + " null");
        }
        assertTrue(wire.get("source").get("reference").isNull());
        assertEquals("2015-01-31", wire.get("date").asText());
        assertEquals(
                "2026-11-23T09:00:00Z", wire.get("source").get("receivedAt").asText());
    }

    /** A mutation of a valid sample and the schema keyword expected to reject it. */
    record Invalid(String name, String ceType, Record sample, Consumer<ObjectNode> mutation, String keyword) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Invalid> invalidSamples() {
        Draw draw = ContractSamples.programRound();
        Draw early = ContractSamples.earlyGeneralRound();
        InvitationLikely likely = ContractSamples.atTheCutoff();
        CandidateScored scored = ContractSamples.scored();
        String announced = EventTypes.DRAW_ANNOUNCED;
        return Stream.of(
                new Invalid("draw without crsCutoff", announced, draw, n -> n.remove("crsCutoff"), "required"),
                new Invalid(
                        "draw without tieBreakAt (null must be explicit)",
                        announced,
                        early,
                        n -> n.remove("tieBreakAt"),
                        "required"),
                new Invalid(
                        "draw with an unknown roundType", announced, draw, n -> n.put("roundType", "LOTTERY"), "enum"),
                new Invalid("draw with an unknown program", announced, draw, n -> n.put("program", "EE"), "enum"),
                new Invalid("draw with an unknown category", announced, draw, n -> n.put("category", "SPORTS"), "enum"),
                new Invalid(
                        "draw with an unknown eligible program",
                        announced,
                        draw,
                        n -> ((ArrayNode) n.get("eligiblePrograms")).add("QSW"),
                        "enum"),
                new Invalid("draw with the cutoff as text", announced, draw, n -> n.put("crsCutoff", "509"), "type"),
                new Invalid("draw with a cutoff above 1200", announced, draw, n -> n.put("crsCutoff", 1201), "maximum"),
                new Invalid(
                        "draw with negative invitations", announced, draw, n -> n.put("invitations", -5), "minimum"),
                new Invalid("draw with revision 0", announced, draw, n -> n.put("revision", 0), "minimum"),
                new Invalid("draw with a null name", announced, draw, n -> n.putNull("name"), "type"),
                new Invalid("draw with a null source", announced, draw, n -> n.putNull("source"), "type"),
                new Invalid(
                        "draw with a null eligiblePrograms",
                        announced,
                        draw,
                        n -> n.putNull("eligiblePrograms"),
                        "type"),
                new Invalid("draw with a non-ISO date", announced, draw, n -> n.put("date", "21/01/2026"), "format"),
                new Invalid(
                        "draw with the feed's free-text tie-break",
                        announced,
                        draw,
                        n -> n.put("tieBreakAt", "October 29, 2025 at 04:35:24 UTC"),
                        "format"),
                new Invalid(
                        "draw with an invalid round number", announced, draw, n -> n.put("number", "#392"), "pattern"),
                new Invalid(
                        "draw with personal data added",
                        announced,
                        draw,
                        n -> n.put("dateOfBirth", "1990-01-01"),
                        "additionalProperties"),
                new Invalid(
                        "draw with a negative band count",
                        announced,
                        draw,
                        n -> ((ObjectNode) n.get("pool").get("bands").get(0)).put("count", -1),
                        "minimum"),
                new Invalid(
                        "draw pool without bands",
                        announced,
                        draw,
                        n -> ((ObjectNode) n.get("pool")).remove("bands"),
                        "required"),
                new Invalid(
                        "draw with an unknown source kind",
                        announced,
                        draw,
                        n -> ((ObjectNode) n.get("source")).put("kind", "RUMOUR"),
                        "enum"),
                new Invalid(
                        "invitation without candidateId",
                        EventTypes.INVITATION_LIKELY,
                        likely,
                        n -> n.remove("candidateId"),
                        "required"),
                new Invalid(
                        "invitation with an unknown tie-break",
                        EventTypes.INVITATION_LIKELY,
                        likely,
                        n -> n.put("tieBreak", "LOST"),
                        "enum"),
                new Invalid(
                        "invitation below the cutoff",
                        EventTypes.INVITATION_LIKELY,
                        likely,
                        n -> n.put("margin", -1),
                        "minimum"),
                new Invalid(
                        "invitation with a malformed basis",
                        EventTypes.INVITATION_LIKELY,
                        likely,
                        n -> n.put("basis", "cec"),
                        "pattern"),
                new Invalid(
                        "evaluation without durationMs",
                        EventTypes.DRAW_EVALUATED,
                        ContractSamples.evaluation(),
                        n -> n.remove("durationMs"),
                        "required"),
                new Invalid(
                        "evaluation with a negative count",
                        EventTypes.DRAW_EVALUATED,
                        ContractSamples.evaluation(),
                        n -> n.put("likely", -1),
                        "minimum"),
                new Invalid(
                        "score with core above 500",
                        EventTypes.CANDIDATE_SCORED,
                        scored,
                        n -> ((ObjectNode) n.get("sections")).put("core", 501),
                        "maximum"),
                new Invalid(
                        "score with an unknown category",
                        EventTypes.CANDIDATE_SCORED,
                        scored,
                        n -> ((ObjectNode) n.get("categories").get(0)).put("category", "SPORTS"),
                        "enum"),
                new Invalid(
                        "score with a program twice",
                        EventTypes.CANDIDATE_SCORED,
                        scored,
                        n -> ((ArrayNode) n.get("programs")).add("CEC"),
                        "uniqueItems"),
                new Invalid(
                        "score with null programs",
                        EventTypes.CANDIDATE_SCORED,
                        scored,
                        n -> n.putNull("programs"),
                        "type"),
                new Invalid(
                        "v2 score with a timeline (v1's, which named birthdays)",
                        EventTypes.CANDIDATE_SCORED,
                        scored,
                        n -> n.putArray("timeline")
                                .addObject()
                                .put("date", "2027-05-07")
                                .put("change", "turns 32")
                                .put("total", 375),
                        "additionalProperties"),
                new Invalid(
                        "v2 score as of a day other than the 1st",
                        EventTypes.CANDIDATE_SCORED,
                        scored,
                        n -> n.put("asOf", "2026-11-23"),
                        "pattern"),
                new Invalid(
                        "v1 score without timeline",
                        EventTypes.CANDIDATE_SCORED_V1,
                        ContractSamples.scoredV1(),
                        n -> n.remove("timeline"),
                        "required"),
                new Invalid(
                        "score with a test result added",
                        EventTypes.CANDIDATE_SCORED,
                        scored,
                        n -> ((ObjectNode) n.get("sections")).put("ieltsListening", 7.5),
                        "additionalProperties"),
                new Invalid(
                        "erasure without erasedAt",
                        EventTypes.CANDIDATE_ERASED,
                        ContractSamples.erased(),
                        n -> n.remove("erasedAt"),
                        "required"),
                new Invalid(
                        "erasure with a name added",
                        EventTypes.CANDIDATE_ERASED,
                        ContractSamples.erased(),
                        n -> n.put("name", "Jane Doe"),
                        "additionalProperties"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSamples")
    void invalidSampleIsRejected(Invalid invalid) {
        ObjectNode wire = (ObjectNode) SchemaDocuments.wire(invalid.sample());
        assertEquals(Set.of(), SchemaDocuments.validate(invalid.ceType(), wire), "the unmutated sample is valid");
        invalid.mutation().accept(wire);

        Set<ValidationMessage> errors = SchemaDocuments.validate(invalid.ceType(), wire);

        assertFalse(errors.isEmpty(), invalid.name() + " must be rejected");
        Set<String> keywords = errors.stream().map(ValidationMessage::getType).collect(Collectors.toSet());
        assertTrue(
                keywords.contains(invalid.keyword()),
                invalid.name() + ": expected " + invalid.keyword() + " among " + errors);
    }

    @Test
    void everySchemaIsDraft202012WithAnIdMatchingItsFile() {
        for (String path : schemaPaths()) {
            JsonNode schema = SchemaDocuments.json(path);
            assertEquals(
                    "https://json-schema.org/draft/2020-12/schema",
                    schema.path("$schema").asText(),
                    path);
            assertEquals("https://ee-radar.ca/" + path, schema.path("$id").asText(), path);
        }
    }

    @Test
    void everyPropertyAndDefinitionIsDescribedForOtherTeams() {
        List<String> undescribed = new ArrayList<>();
        for (String path : schemaPaths()) {
            JsonNode schema = SchemaDocuments.json(path);
            assertFalse(schema.path("description").asText().isBlank(), path);
            collectUndescribed(path, schema, undescribed);
        }
        assertEquals(List.of(), undescribed);
    }

    @Test
    void everyEventTypeHasASchemaAndARecord() {
        assertEquals(ContractEventTypes.all(), Set.copyOf(Schemas.types()));
        for (String type : Schemas.types()) {
            assertTrue(SchemaDocuments.exists(Schemas.path(type)), Schemas.path(type));
            assertTrue(Schemas.payloadType(type).isRecord());
        }
        assertEquals(Schemas.DRAW, Schemas.path(EventTypes.DRAW_ANNOUNCED));
        assertEquals(Schemas.DRAW, Schemas.path(EventTypes.DRAW_CORRECTED));
        assertEquals(Draw.class, Schemas.payloadType(EventTypes.DRAW_CORRECTED));
    }

    static Set<String> schemaPaths() {
        return Schemas.types().stream().map(Schemas::path).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void collectUndescribed(String where, JsonNode node, List<String> undescribed) {
        for (String container : List.of("properties", "$defs")) {
            for (Map.Entry<String, JsonNode> child : node.path(container).properties()) {
                String name = where + "/" + container + "/" + child.getKey();
                if (child.getValue().path("description").asText().isBlank()) {
                    undescribed.add(name);
                }
                collectUndescribed(name, child.getValue(), undescribed);
            }
        }
    }
}
