package ca.eeradar.scoring.draws;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads one express-entry.draws record, or says exactly why it cannot be used. */
public final class DrawMessages {
    private static final Set<String> TYPES = Set.of(EventTypes.DRAW_ANNOUNCED, EventTypes.DRAW_CORRECTED);

    private DrawMessages() {
    }

    public static Draw parse(ConsumerRecord<String, byte[]> record) {
        String type = CloudEvent.text(record.headers(), CloudEvent.TYPE);
        if (type != null && !TYPES.contains(type)) {
            throw new PoisonDrawException("unexpected ce_type '" + type + "' on " + record.topic());
        }
        if (record.value() == null || record.value().length == 0) {
            throw new PoisonDrawException("empty payload");
        }
        Draw draw;
        try {
            draw = EventJson.read(record.value(), Draw.class);
        } catch (RuntimeException e) {
            throw new PoisonDrawException("payload is not a Draw: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        if (draw.number() == null || draw.number().isBlank() || draw.number().length() > 16) {
            problems.add("number missing or longer than 16");
        }
        if (draw.date() == null) {
            problems.add("date missing");
        }
        if (draw.roundType() == null) {
            problems.add("roundType missing");
        } else if (draw.roundType() == Draw.RoundType.PROGRAM && draw.program() == null) {
            problems.add("program missing on a PROGRAM round");
        } else if (draw.roundType() == Draw.RoundType.CATEGORY && (draw.category() == null || draw.categoryVersion() == null)) {
            problems.add("category or categoryVersion missing on a CATEGORY round");
        }
        if (draw.crsCutoff() < 0 || draw.crsCutoff() > 1200) {
            problems.add("crsCutoff " + draw.crsCutoff() + " outside 0..1200");
        }
        if (draw.revision() < 1) {
            problems.add("revision " + draw.revision() + " below 1");
        }
        if (!problems.isEmpty()) {
            throw new PoisonDrawException("invalid Draw: " + String.join("; ", problems));
        }
        return draw;
    }
}
