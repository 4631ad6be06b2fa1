package ca.eeradar.scoring.profiles;

import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import ca.eeradar.crs.Profile;
import ca.eeradar.crs.ScoreReport;
import ca.eeradar.kit.outbox.OutboxRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;

/** A stored profile scored as of a day: what its row keeps and the CandidateScored event it publishes. */
@ApplicationScoped
public class ProfileScoring {
    @Inject
    Scorer scorer;

    /**
     * @param summary     the CandidateScored payload
     * @param total       the CRS total, kept on the row
     * @param fingerprint what the daily re-score compares to decide whether anything a subscriber sees changed
     * @param event       the outbox record of the summary
     */
    public record Scored(CandidateScored summary, int total, String fingerprint, OutboxRecord event) {}

    Scored score(String candidateId, long version, Profile profile, LocalDate today, Instant now) {
        ScoreReport report = scorer.engine().score(profile, today);
        CandidateScored summary = ScoreSummaries.of(candidateId, version, report, now);
        CloudEvent ce = new CloudEvent(
                EventTypes.candidateScoredId(candidateId, version, today),
                EventTypes.CANDIDATE_SCORED,
                EventTypes.SOURCE_SCORING,
                now,
                candidateId);
        return new Scored(
                summary,
                report.total(),
                fingerprint(profile, today),
                OutboxRecord.of(Topics.CANDIDATE_SCORES, candidateId, ce, summary));
    }

    String fingerprint(Profile profile, LocalDate today) {
        return ScoreSummaries.fingerprint(scorer.engine().assess(profile, today));
    }
}
