package ca.eeradar.contracts;

import ca.eeradar.contracts.rules.Program;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The retired payload of {@link EventTypes#CANDIDATE_SCORED_V1}: no longer written, still read, because
 * the compacted topic keeps a candidate's last v1 record until a newer record of that candidate
 * replaces it. Its timeline names birthdays and test dates, so a consumer reads it only through
 * {@link #withoutTimeline()} and never keeps or forwards the timeline. Read by property name: the order of the
 * components is not the order of any document.
 */
public record CandidateScoredV1(
        String candidateId,
        long profileVersion,
        LocalDate asOf,
        Instant scoredAt,
        int total,
        CandidateScored.Sections sections,
        String rulesVersion,
        List<Program> programs,
        List<CandidateScored.CategoryEligibility> categories,
        List<TimelineEntry> timeline,
        List<String> warnings) {

    public record TimelineEntry(LocalDate date, String change, int total) {}

    /**
     * The same fact as a v2 payload, without what v2 removed: the timeline. {@code asOf} and
     * {@code warnings} stay as v1 published them (already public; they are replaced by the next v2 record).
     */
    public CandidateScored withoutTimeline() {
        return new CandidateScored(
                candidateId,
                profileVersion,
                asOf,
                total,
                sections,
                rulesVersion,
                programs,
                categories,
                warnings,
                scoredAt);
    }
}
