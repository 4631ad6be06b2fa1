package ca.eeradar.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** asyncapi.yaml describes exactly the topics, keys, headers, payloads and event types of the code. */
class AsyncApiTest {
    private static final String DOCUMENT = "asyncapi.yaml";
    private static final JsonNode API = SchemaDocuments.yaml(DOCUMENT);

    @Test
    void isAnAsyncApi3Document() {
        assertEquals("3.0.0", API.path("asyncapi").asText());
        assertEquals("application/json", API.path("defaultContentType").asText());
        assertEquals("kafka", API.at("/servers/local/protocol").asText());
    }

    @Test
    void everyTopicIsAChannelAndEveryChannelATopic() {
        Set<String> topics =
                new TreeSet<>(Topics.all().stream().map(Topics.TopicSpec::name).toList());
        Set<String> addresses = new TreeSet<>();
        channels().forEach(c -> addresses.add(c.path("address").asText()));

        assertEquals(topics, addresses);
    }

    @Test
    void channelBindingsMatchTheTopicSettings() {
        Map<String, JsonNode> byAddress = new HashMap<>();
        channels().forEach(c -> byAddress.put(c.path("address").asText(), c));
        for (Topics.TopicSpec spec : Topics.all()) {
            assertTrue(byAddress.containsKey(spec.name()), spec.name() + " is a channel");
            JsonNode kafka = byAddress.get(spec.name()).at("/bindings/kafka");
            assertEquals(spec.name(), kafka.path("topic").asText(), spec.name());
            assertEquals(spec.partitions(), kafka.path("partitions").asInt(), spec.name() + " partitions");
            JsonNode config = kafka.path("topicConfiguration");
            assertEquals(
                    List.of(spec.configs().getOrDefault("cleanup.policy", "delete")),
                    texts(config.path("cleanup.policy")),
                    spec.name() + " cleanup.policy");
            if (spec.configs().containsKey("retention.ms")) {
                assertEquals(
                        Long.parseLong(spec.configs().get("retention.ms")),
                        config.path("retention.ms").asLong(),
                        spec.name() + " retention.ms");
            }
        }
        assertEquals(
                List.of("compact"),
                texts(byAddress.get(Topics.CANDIDATE_SCORES).at("/bindings/kafka/topicConfiguration/cleanup.policy")));
        assertTrue(byAddress
                .get(Topics.CANDIDATE_SCORES)
                .path("description")
                .asText()
                .contains("COMPACTED"));
    }

    @Test
    void everyMessagePayloadReferencesAnExistingSchemaMatchingItsEventType() {
        Set<String> referenced = new TreeSet<>();
        for (Map.Entry<String, JsonNode> message :
                API.at("/components/messages").properties()) {
            JsonNode payload = message.getValue().path("payload");
            String ceType = ceType(message.getValue());
            if (ceType == null) {
                assertEquals("DeadLetter", message.getKey(), "only the dead letter has no ce_type");
                continue;
            }
            assertEquals(
                    "application/schema+json;version=draft-2020-12",
                    payload.path("schemaFormat").asText(),
                    message.getKey());
            String schema = resolveFile(payload.at("/schema/$ref").asText());
            assertTrue(SchemaDocuments.exists(schema), message.getKey() + " payload " + schema);
            assertEquals(Schemas.path(ceType), schema, message.getKey() + " payload is the schema of " + ceType);
            referenced.add(schema);
        }
        assertEquals(new TreeSet<>(PayloadSchemaTest.schemaPaths()), referenced, "every schema is used");
    }

    @Test
    void everyEventTypeIsAMessageOfItsTopic() {
        Set<String> messageTypes = new TreeSet<>();
        for (JsonNode message : API.at("/components/messages")) {
            String ceType = ceType(message);
            if (ceType != null) {
                messageTypes.add(ceType);
            }
        }
        assertEquals(new TreeSet<>(ContractEventTypes.all()), messageTypes);
        assertEquals(
                new TreeSet<>(ContractEventTypes.all()),
                new TreeSet<>(texts(API.at("/components/schemas/CloudEventHeaders/properties/ce_type/enum"))));
        assertEquals(
                new TreeSet<>(ContractEventTypes.sources()),
                new TreeSet<>(texts(API.at("/components/schemas/CloudEventHeaders/properties/ce_source/enum"))));

        assertEquals(Set.of(EventTypes.DRAW_ANNOUNCED, EventTypes.DRAW_CORRECTED), typesOn(Topics.DRAWS));
        assertEquals(Set.of(EventTypes.INVITATION_LIKELY), typesOn(Topics.INVITATION_LIKELY));
        assertEquals(
                Set.of(EventTypes.CANDIDATE_SCORED, EventTypes.CANDIDATE_SCORED_V1, EventTypes.CANDIDATE_ERASED),
                typesOn(Topics.CANDIDATE_SCORES));
        assertEquals(Set.of(EventTypes.DRAW_EVALUATED), typesOn(Topics.DRAW_EVALUATIONS));
        assertEquals(Set.of(EventTypes.INVITATION_FORECAST), typesOn(Topics.INVITATION_FORECASTS));
        for (Topics.TopicSpec spec : Topics.all()) {
            if (spec.name().endsWith(Topics.DLQ_SUFFIX)) {
                assertEquals(Set.of(), typesOn(spec.name()), spec.name() + " carries dead letters only");
            }
        }
    }

    @Test
    void everyMessageStatesItsKey() {
        for (Map.Entry<String, JsonNode> message :
                API.at("/components/messages").properties()) {
            JsonNode key = message.getValue().at("/bindings/kafka/key");
            assertEquals("string", key.path("type").asText(), message.getKey());
            String expected = message.getKey().startsWith("Draw")
                    ? "Draw number"
                    : message.getKey().equals("DeadLetter") ? "original record key" : "candidate id";
            assertTrue(
                    key.path("description").asText().contains(expected),
                    message.getKey() + " key is the " + expected + ": " + key);
        }
    }

    @Test
    void cloudEventHeadersAreTheOnesTheCodeWrites() {
        CloudEvent event = new CloudEvent(
                "draw-392-r1",
                EventTypes.DRAW_ANNOUNCED,
                EventTypes.SOURCE_INGEST,
                Instant.parse("2026-01-21T16:00:00Z"),
                "392");
        Set<String> written =
                new TreeSet<>(event.headers().stream().map(Header::key).toList());
        JsonNode headers = API.at("/components/schemas/CloudEventHeaders");

        assertEquals(written, new TreeSet<>(texts(headers.path("required"))));
        assertEquals(written, names(headers.path("properties").fieldNames()));
        assertEquals(
                CloudEvent.SPEC_VERSION,
                headers.at("/properties/ce_specversion/const").asText());
        for (JsonNode message : API.at("/components/messages")) {
            if (ceType(message) != null) {
                assertEquals(
                        "#/components/schemas/CloudEventHeaders",
                        message.at("/headers/allOf/0/$ref").asText(),
                        message.path("name").asText());
            }
        }
    }

    @Test
    void deadLetterHeadersAreTheOnesOfDeadLetterHeaders() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field f : DeadLetterHeaders.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                constants.add((String) f.get(null));
            }
        }
        JsonNode headers = API.at("/components/schemas/DeadLetterHeaders");
        Set<String> documented = new TreeSet<>(names(headers.path("properties").fieldNames()));
        documented.removeIf(h -> !h.startsWith("dead-letter-"));

        assertEquals(constants, documented);
        assertEquals(List.of(DeadLetterHeaders.REASON), texts(headers.path("required")));
        assertEquals(
                "#/components/schemas/DeadLetterHeaders",
                API.at("/components/messages/DeadLetter/headers/$ref").asText());
    }

    @Test
    void operationsNameWhoSendsAndWhoReceives() {
        Set<String> flows = new TreeSet<>();
        for (Map.Entry<String, JsonNode> op : API.path("operations").properties()) {
            String channelRef = op.getValue().at("/channel/$ref").asText();
            JsonNode channel = pointer(channelRef);
            assertFalse(channel.isMissingNode(), op.getKey() + " channel " + channelRef);
            for (JsonNode message : op.getValue().path("messages")) {
                String ref = message.path("$ref").asText();
                assertTrue(ref.startsWith(channelRef + "/messages/"), op.getKey() + " message of its channel: " + ref);
                assertFalse(pointer(ref).isMissingNode(), op.getKey() + " message " + ref);
            }
            assertFalse(op.getValue().path("messages").isEmpty(), op.getKey() + " lists its messages");
            List<String> tags = new ArrayList<>();
            op.getValue().path("tags").forEach(t -> tags.add(t.path("name").asText()));
            assertEquals(1, tags.size(), op.getKey() + " is tagged with its service");
            flows.add(tags.get(0) + " " + op.getValue().path("action").asText() + " "
                    + channel.path("address").asText());
        }
        assertTrue(
                flows.containsAll(List.of(
                        "ingest-service send express-entry.draws",
                        "scoring-service receive express-entry.draws",
                        "scoring-service send express-entry.draws.dlq",
                        "scoring-service send express-entry.invitation-likely",
                        "scoring-service send express-entry.candidate-scores",
                        "scoring-service send express-entry.draw-evaluations",
                        "scoring-service send express-entry.invitation-forecasts",
                        "query-service receive express-entry.invitation-forecasts",
                        "query-service receive express-entry.draws",
                        "query-service receive express-entry.invitation-likely",
                        "query-service receive express-entry.candidate-scores",
                        "query-service receive express-entry.draw-evaluations")),
                flows.toString());
        for (String flow : flows) {
            assertTrue(
                    flow.startsWith("ingest-service ")
                            || flow.startsWith("scoring-service ")
                            || flow.startsWith("query-service "),
                    flow);
            assertTrue(flow.contains(" send ") || flow.contains(" receive "), flow);
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> dangling = new ArrayList<>();
        collectDangling(API, dangling);
        assertEquals(List.of(), dangling);
    }

    private static void collectDangling(JsonNode node, List<String> dangling) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            boolean resolves =
                    ref.startsWith("#/") ? !pointer(ref).isMissingNode() : SchemaDocuments.exists(resolveFile(ref));
            if (!resolves) {
                dangling.add(ref);
            }
        }
        node.forEach(child -> collectDangling(child, dangling));
    }

    private static List<JsonNode> channels() {
        List<JsonNode> channels = new ArrayList<>();
        API.path("channels").forEach(channels::add);
        return channels;
    }

    /** The ce_type a message declares as a const in its headers, or null (dead letters). */
    private static String ceType(JsonNode message) {
        for (JsonNode part : message.at("/headers/allOf")) {
            JsonNode type = part.at("/properties/ce_type/const");
            if (!type.isMissingNode()) {
                return type.asText();
            }
        }
        return null;
    }

    private static Set<String> typesOn(String topic) {
        Set<String> types = new HashSet<>();
        for (JsonNode channel : API.path("channels")) {
            if (channel.path("address").asText().equals(topic)) {
                for (JsonNode message : channel.path("messages")) {
                    String type = ceType(pointer(message.path("$ref").asText()));
                    if (type != null) {
                        types.add(type);
                    }
                }
            }
        }
        return types;
    }

    private static JsonNode pointer(String ref) {
        return API.at(ref.substring(1));
    }

    /** A file reference relative to asyncapi.yaml, which sits at the root of the classpath resources. */
    private static String resolveFile(String ref) {
        assertTrue(ref.startsWith("./"), "relative file reference " + ref);
        return ref.substring(2);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    private static Set<String> names(Iterator<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEachRemaining(set::add);
        return set;
    }
}
