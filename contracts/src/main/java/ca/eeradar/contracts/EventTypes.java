package ca.eeradar.contracts;

/**
 * The {@code ce_type} of every event. A breaking change to a payload is a new type (v2), never an
 * edit of v1: other teams subscribe to these topics.
 */
public final class EventTypes {
    public static final String DRAW_ANNOUNCED = "ca.eeradar.draw.announced.v1";
    public static final String DRAW_CORRECTED = "ca.eeradar.draw.corrected.v1";
    public static final String INVITATION_LIKELY = "ca.eeradar.invitation.likely.v1";
    public static final String DRAW_EVALUATED = "ca.eeradar.draw.evaluated.v1";
    public static final String CANDIDATE_SCORED = "ca.eeradar.candidate.scored.v1";
    public static final String CANDIDATE_ERASED = "ca.eeradar.candidate.erased.v1";
    public static final String INVITATION_FORECAST = "ca.eeradar.invitation.forecast.v1";

    public static final String SOURCE_INGEST = "/ee-radar/ingest-service";
    public static final String SOURCE_SCORING = "/ee-radar/scoring-service";

    private EventTypes() {}

    public static String drawEventId(String drawNumber, int revision) {
        return "draw-" + drawNumber + "-r" + revision;
    }

    public static String invitationLikelyId(String drawNumber, int revision, String candidateId) {
        return "invitation-likely-" + drawNumber + "-r" + revision + "-" + candidateId;
    }

    public static String drawEvaluatedId(String drawNumber, int revision) {
        return "draw-evaluated-" + drawNumber + "-r" + revision;
    }

    public static String candidateScoredId(String candidateId, long profileVersion, java.time.LocalDate asOf) {
        return "candidate-scored-" + candidateId + "-v" + profileVersion + "-" + asOf;
    }

    public static String candidateErasedId(String candidateId, long profileVersion) {
        return "candidate-erased-" + candidateId + "-v" + profileVersion;
    }

    public static String invitationForecastId(
            String candidateId, java.time.LocalDate asOf, java.time.Instant computedAt) {
        return "invitation-forecast-" + candidateId + "-" + asOf + "-" + computedAt.toEpochMilli();
    }
}
