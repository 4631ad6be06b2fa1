package ca.eeradar.query.projection;

import ca.eeradar.contracts.CandidateErased;
import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.CandidateScoredV1;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.InvitationForecast;
import ca.eeradar.contracts.InvitationLikely;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.CrsScale;
import ca.eeradar.contracts.rules.RoundNumber;
import ca.eeradar.contracts.rules.RoundShape;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the projection accepts from a topic: the event types each topic may carry and the fields each fact needs
 * before it is written. Pure: it never touches the database, so a batch sets malformed records aside (to the
 * dead-letter topic) before its transaction starts.
 */
final class EventChecks {
    private static final Map<String, Set<String>> TYPES_BY_TOPIC = Map.of(
            Topics.DRAWS, Set.of(EventTypes.DRAW_ANNOUNCED, EventTypes.DRAW_CORRECTED),
            Topics.INVITATION_LIKELY, Set.of(EventTypes.INVITATION_LIKELY),
            Topics.CANDIDATE_SCORES,
                    Set.of(EventTypes.CANDIDATE_SCORED, EventTypes.CANDIDATE_SCORED_V1, EventTypes.CANDIDATE_ERASED),
            Topics.DRAW_EVALUATIONS, Set.of(EventTypes.DRAW_EVALUATED),
            Topics.INVITATION_FORECASTS, Set.of(EventTypes.INVITATION_FORECAST, Envelope.TOMBSTONE));

    private EventChecks() {}

    /**
     * Parses and validates one event without touching the database, so a batch can set malformed
     * records aside before its transaction starts (a MalformedEventException thrown inside the
     * transaction would roll back the good records with it).
     */
    public static CheckedEvent check(Envelope event) {
        Set<String> expected = TYPES_BY_TOPIC.get(event.topic());
        if (expected == null || !expected.contains(event.type())) {
            throw new MalformedEventException("event type " + event.type() + " does not belong on " + event.topic());
        }
        Object body =
                switch (event.type()) {
                    case EventTypes.DRAW_ANNOUNCED, EventTypes.DRAW_CORRECTED -> checkDraw(read(event, Draw.class));
                    case EventTypes.INVITATION_LIKELY -> checkInvitation(read(event, InvitationLikely.class));
                    case EventTypes.CANDIDATE_SCORED -> checkScored(read(event, CandidateScored.class));
                    // A retired v1 record still on the compacted topic: its timeline (birthdays, test dates) is
                    // dropped here and never stored; the rest is the same fact as a v2.
                    case EventTypes.CANDIDATE_SCORED_V1 ->
                        checkScored(read(event, CandidateScoredV1.class).withoutTimeline());
                    case EventTypes.CANDIDATE_ERASED -> checkErased(read(event, CandidateErased.class));
                    case EventTypes.DRAW_EVALUATED -> checkEvaluated(read(event, DrawEvaluated.class));
                    case EventTypes.INVITATION_FORECAST ->
                        ForecastProjection.check(read(event, InvitationForecast.class), event.key());
                    case Envelope.TOMBSTONE -> ForecastProjection.checkTombstone(event.key());
                    default -> throw new MalformedEventException("unknown event type " + event.type());
                };
        return new CheckedEvent(event, body);
    }

    private static Draw checkDraw(Draw d) {
        List<RoundShape.Violation> violations = RoundShape.violations(d);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("invalid round: " + violations);
        }
        return d;
    }

    private static InvitationLikely checkInvitation(InvitationLikely i) {
        require(i.candidateId() != null && !i.candidateId().isBlank(), "candidateId", null);
        require(i.drawNumber() != null && RoundNumber.isValid(i.drawNumber()), "drawNumber", i.drawNumber());
        require(i.drawRevision() >= 1, "drawRevision", i.drawRevision());
        require(i.evaluatedAt() != null, "evaluatedAt", null);
        return i;
    }

    private static CandidateScored checkScored(CandidateScored s) {
        require(s.candidateId() != null && !s.candidateId().isBlank(), "candidateId", null);
        require(s.asOf() != null, "asOf", null);
        require(s.scoredAt() != null, "scoredAt", null);
        require(s.sections() != null, "sections", null);
        require(CrsScale.isValid(s.total()), "total", s.total());
        return s;
    }

    private static CandidateErased checkErased(CandidateErased e) {
        require(e.candidateId() != null && !e.candidateId().isBlank(), "candidateId", null);
        require(e.erasedAt() != null, "erasedAt", null);
        return e;
    }

    private static DrawEvaluated checkEvaluated(DrawEvaluated e) {
        require(e.drawNumber() != null && RoundNumber.isValid(e.drawNumber()), "drawNumber", e.drawNumber());
        require(e.drawRevision() >= 1, "drawRevision", e.drawRevision());
        return e;
    }

    private static <T> T read(Envelope event, Class<T> type) {
        try {
            return EventJson.read(event.payload(), type);
        } catch (UncheckedIOException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    private static void require(boolean ok, String field, Object value) {
        if (!ok) {
            throw new MalformedEventException("invalid field " + field + (value == null ? " (missing)" : ": " + value));
        }
    }
}
