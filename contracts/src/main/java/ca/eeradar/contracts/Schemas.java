package ca.eeradar.contracts;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema (draft 2020-12) and the Java record of every {@code ce_type}, so that a producer
 * or consumer can validate a payload with the validator of its choice. The schemas are classpath
 * resources of this jar; DrawAnnounced and DrawCorrected share one payload schema.
 */
public final class Schemas {
    public static final String DRAW = "schemas/draw.v1.schema.json";
    public static final String INVITATION_LIKELY = "schemas/invitation-likely.v1.schema.json";
    public static final String DRAW_EVALUATED = "schemas/draw-evaluated.v1.schema.json";
    public static final String CANDIDATE_SCORED = "schemas/candidate-scored.v2.schema.json";
    /** Retired; still read (see {@link EventTypes#CANDIDATE_SCORED_V1}). */
    public static final String CANDIDATE_SCORED_V1 = "schemas/candidate-scored.v1.schema.json";

    public static final String CANDIDATE_ERASED = "schemas/candidate-erased.v1.schema.json";
    public static final String INVITATION_FORECAST = "schemas/invitation-forecast.v1.schema.json";

    /** One event type: its schema resource path and the record its payload maps to with {@link EventJson}. */
    public record Contract(String type, String schema, Class<? extends Record> payload) {}

    private static final Map<String, Contract> BY_TYPE = index(
            new Contract(EventTypes.DRAW_ANNOUNCED, DRAW, Draw.class),
            new Contract(EventTypes.DRAW_CORRECTED, DRAW, Draw.class),
            new Contract(EventTypes.INVITATION_LIKELY, INVITATION_LIKELY, InvitationLikely.class),
            new Contract(EventTypes.DRAW_EVALUATED, DRAW_EVALUATED, DrawEvaluated.class),
            new Contract(EventTypes.CANDIDATE_SCORED, CANDIDATE_SCORED, CandidateScored.class),
            new Contract(EventTypes.CANDIDATE_SCORED_V1, CANDIDATE_SCORED_V1, CandidateScoredV1.class),
            new Contract(EventTypes.CANDIDATE_ERASED, CANDIDATE_ERASED, CandidateErased.class),
            new Contract(EventTypes.INVITATION_FORECAST, INVITATION_FORECAST, InvitationForecast.class));

    /** Types no producer writes any more; consumers still read them (see each constant of EventTypes). */
    private static final Set<String> RETIRED = Set.of(EventTypes.CANDIDATE_SCORED_V1);

    private Schemas() {}

    /** Whether a ce_type is retired: readable, never written again. */
    public static boolean retired(String ceType) {
        return RETIRED.contains(contract(ceType).type());
    }

    /** Every known ce_type, in declaration order. */
    public static Set<String> types() {
        return BY_TYPE.keySet();
    }

    /** The contract of a ce_type; an unknown type (e.g. a v2 this build does not know) is an IllegalArgumentException. */
    public static Contract contract(String ceType) {
        Contract contract = BY_TYPE.get(ceType);
        if (contract == null) {
            throw new IllegalArgumentException("unknown ce_type: " + ceType);
        }
        return contract;
    }

    /** Classpath resource path of the payload schema of a ce_type, e.g. {@code schemas/draw.v1.schema.json}. */
    public static String path(String ceType) {
        return contract(ceType).schema();
    }

    /** The record a payload of this ce_type is read into with {@link EventJson#read(byte[], Class)}. */
    public static Class<? extends Record> payloadType(String ceType) {
        return contract(ceType).payload();
    }

    /** Opens the schema of a ce_type from this jar; the caller closes the stream. */
    public static InputStream open(String ceType) {
        String path = path(ceType);
        InputStream in = Schemas.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new UncheckedIOException(new FileNotFoundException("schema resource missing: " + path));
        }
        return in;
    }

    private static Map<String, Contract> index(Contract... contracts) {
        Map<String, Contract> byType = new LinkedHashMap<>();
        for (Contract c : contracts) {
            byType.put(c.type(), c);
        }
        return Collections.unmodifiableMap(byType);
    }
}
