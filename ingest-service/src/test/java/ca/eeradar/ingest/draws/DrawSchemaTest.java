package ca.eeradar.ingest.draws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.ingest.feed.FeedRound;
import ca.eeradar.ingest.feed.IrccFeedParser;
import ca.eeradar.localinfra.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every draw this service would publish from the real feed is valid against the contract's schema draw.v1. */
class DrawSchemaTest {

    @Test
    void everyDrawOfTheFeedMatchesTheSchema() throws Exception {
        JsonSchema schema;
        try (InputStream in = Draw.class.getClassLoader().getResourceAsStream("schemas/draw.v1.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(
                            in,
                            SchemaValidatorsConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build());
        }
        Draw.Source source = new Draw.Source(
                Draw.SourceKind.IRCC_FEED,
                "classpath:feed/ee_rounds_123_en.json",
                Instant.parse("2026-11-23T12:00:00Z"));
        ObjectMapper json = new ObjectMapper();
        int checked = 0;
        for (FeedRound round :
                IrccFeedParser.parse(Files.readAllBytes(SharedData.path("data/ircc/ee_rounds_123_en.json")), source)) {
            Draw draw = ((FeedRound.Parsed) round).draw();
            JsonNode wire = json.readTree(EventJson.write(draw));
            Set<ValidationMessage> errors = schema.validate(wire);
            assertEquals(Set.of(), errors, "round " + draw.number());
            checked++;
        }
        assertEquals(438, checked);
    }
}
