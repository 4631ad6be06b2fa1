package ca.eeradar.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.rules.CandidateId;
import ca.eeradar.contracts.rules.CrsScale;
import ca.eeradar.contracts.rules.RoundNumber;
import ca.eeradar.contracts.rules.RuleCases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON Schemas carry the literals of the rules in {@code contracts.rules}, and accept exactly what they accept. */
class RulesInSchemasTest {
    private static final List<String> SCHEMAS = List.of(
            "draw.v1",
            "invitation-likely.v1",
            "draw-evaluated.v1",
            "candidate-scored.v1",
            "candidate-scored.v2",
            "candidate-erased.v1");
    private static final Set<String> ROUND_NUMBER_FIELDS = Set.of("number", "drawNumber");
    private static final Set<String> SCORE_FIELDS = Set.of("crsCutoff", "score", "cutoff", "total", "min", "max");

    @Test
    void everyRoundNumberCandidateIdAndScoreFieldCarriesTheSharedLiteral() {
        List<String> seen = new ArrayList<>();
        for (String schema : SCHEMAS) {
            walk(SchemaDocuments.json("schemas/" + schema + ".schema.json"), schema, seen);
        }
        assertTrue(seen.contains("draw.v1/number"), seen.toString());
        assertTrue(seen.contains("invitation-likely.v1/candidateId"), seen.toString());
        assertTrue(seen.contains("draw.v1/crsCutoff"), seen.toString());
    }

    private static void walk(JsonNode node, String schema, List<String> seen) {
        JsonNode properties = node.get("properties");
        if (properties != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                String at = schema + "/" + p.getKey();
                JsonNode def = p.getValue();
                if (ROUND_NUMBER_FIELDS.contains(p.getKey())
                        && "string".equals(def.path("type").asText())) {
                    assertEquals(
                            "^" + RoundNumber.PATTERN + "$", def.path("pattern").asText(), at);
                    seen.add(at);
                }
                if (p.getKey().equals("candidateId")) {
                    assertEquals(
                            "^" + CandidateId.PATTERN + "$", def.path("pattern").asText(), at);
                    assertEquals(CandidateId.MAX_LENGTH, def.path("maxLength").asInt(), at);
                    seen.add(at);
                }
                if (SCORE_FIELDS.contains(p.getKey())
                        && def.has("maximum")
                        && def.path("maximum").asInt() > 600) {
                    assertEquals(CrsScale.MAX, def.path("maximum").asInt(), at);
                    seen.add(at);
                }
            }
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                walk(child, schema, seen);
            }
        }
    }

    @Test
    void theDrawSchemaAcceptsExactlyTheSharedRoundNumbers() {
        for (String number : RuleCases.VALID_ROUND_NUMBERS) {
            assertEquals(Set.of(), SchemaDocuments.validate(EventTypes.DRAW_ANNOUNCED, withNumber(number)), number);
        }
        for (String number : RuleCases.INVALID_ROUND_NUMBERS) {
            assertTrue(
                    !SchemaDocuments.validate(EventTypes.DRAW_ANNOUNCED, withNumber(number))
                            .isEmpty(),
                    number);
        }
    }

    @Test
    void theInvitationSchemaAcceptsExactlyTheSharedCandidateIdsAndScores() {
        for (String id : RuleCases.VALID_CANDIDATE_IDS) {
            assertEquals(
                    Set.of(),
                    SchemaDocuments.validate(EventTypes.INVITATION_LIKELY, invitation("candidateId", id)),
                    id);
        }
        for (String id : RuleCases.INVALID_CANDIDATE_IDS) {
            assertTrue(
                    !SchemaDocuments.validate(EventTypes.INVITATION_LIKELY, invitation("candidateId", id))
                            .isEmpty(),
                    id);
        }
        for (int score : RuleCases.INVALID_SCORES) {
            ObjectNode draw = (ObjectNode) SchemaDocuments.wire(ContractSamples.programRound());
            draw.put("crsCutoff", score);
            assertTrue(
                    !SchemaDocuments.validate(EventTypes.DRAW_ANNOUNCED, draw).isEmpty(), "" + score);
        }
    }

    private static JsonNode withNumber(String number) {
        ObjectNode draw = (ObjectNode) SchemaDocuments.wire(ContractSamples.programRound());
        draw.put("number", number);
        return draw;
    }

    private static JsonNode invitation(String field, String value) {
        ObjectNode invitation = (ObjectNode) SchemaDocuments.wire(ContractSamples.aboveTheCutoff());
        invitation.put(field, value);
        return invitation;
    }
}
