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
    /** v2: no timeline, {@code asOf} always the 1st of a month (README "Privacy"). */
    public static final String CANDIDATE_SCORED = "ca.eeradar.candidate.scored.v2";
    /**
     * Retired: no longer written since v2, still on the compacted topic until a newer record of the same
     * candidate replaces it; consumers read it without its timeline ({@link CandidateScoredV1}).
     */
    public static final String CANDIDATE_SCORED_V1 = "ca.eeradar.candidate.scored.v1";

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

    /**
     * The id of a CandidateScored v2: candidate, profile version, month ({@code asOf}) and a digest of what
     * the score says ({@code scoreKey}, e.g. its total, rules, programs and categories). The digest is needed
     * because one version is scored as of the same 1st of the month all month long: a corrected engine
     * re-publishing a different score for it that month must not reuse the id of the score it corrects.
     */
    public static String candidateScoredId(
            String candidateId, long profileVersion, java.time.LocalDate asOf, String scoreKey) {
        return "candidate-scored-" + candidateId + "-v" + profileVersion + "-" + asOf + "-" + digest(scoreKey);
    }

    /** First 8 hex digits of the SHA-256 of the text: short, deterministic, and reveals nothing beyond the text. */
    private static String digest(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static String candidateErasedId(String candidateId, long profileVersion) {
        return "candidate-erased-" + candidateId + "-v" + profileVersion;
    }

    public static String invitationForecastId(
            String candidateId, java.time.LocalDate asOf, java.time.Instant computedAt) {
        return "invitation-forecast-" + candidateId + "-" + asOf + "-" + computedAt.toEpochMilli();
    }
}
