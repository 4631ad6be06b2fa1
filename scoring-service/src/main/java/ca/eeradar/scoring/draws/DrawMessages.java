package ca.eeradar.scoring.draws;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.rules.RoundShape;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads one express-entry.draws record, or says exactly why it cannot be used. */
public final class DrawMessages {
    private static final Set<String> TYPES = Set.of(EventTypes.DRAW_ANNOUNCED, EventTypes.DRAW_CORRECTED);

    private DrawMessages() {}

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
        List<RoundShape.Violation> problems = RoundShape.violations(draw);
        if (!problems.isEmpty()) {
            throw new PoisonDrawException(
                    "invalid Draw: " + problems.stream().map(Object::toString).collect(Collectors.joining("; ")));
        }
        return draw;
    }
}
