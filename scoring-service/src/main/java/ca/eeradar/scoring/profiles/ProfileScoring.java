package ca.eeradar.scoring.profiles;

import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.ScoreMonth;
import ca.eeradar.crs.CrsEngine;
import ca.eeradar.crs.Profile;
import ca.eeradar.crs.ScoreReport;
import ca.eeradar.kit.outbox.OutboxRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored profile scored for publication: what its row keeps and the CandidateScored event it
 * publishes. Every path (PUT, import, the daily re-score) scores as of the first day of the month of
 * its day ({@link ScoreMonth}), here and nowhere else: were the write path scoring as of the day and
 * the re-score as of the month, the two fingerprints would differ after a mid-month birthday and
 * every day would publish a spurious change.
 */
@ApplicationScoped
public class ProfileScoring {
    @Inject
    Scorer scorer;

    /**
     * @param summary     the CandidateScored payload
     * @param asOf        the date it is scored as of: the 1st of the month
     * @param total       the CRS total, kept on the row
     * @param fingerprint what the daily re-score compares to decide whether anything a subscriber sees changed
     * @param event       the outbox record of the summary
     */
    public record Scored(CandidateScored summary, LocalDate asOf, int total, String fingerprint, OutboxRecord event) {}

    Scored score(String candidateId, long version, Profile profile, LocalDate today, Instant now) {
        LocalDate asOf = ScoreMonth.of(today);
        ScoreReport report = scorer.engine().score(profile, asOf);
        CandidateScored summary = ScoreSummaries.of(candidateId, version, report, now);
        String fingerprint = fingerprint(scorer.engine(), profile, today);
        CloudEvent ce = new CloudEvent(
                EventTypes.candidateScoredId(candidateId, version, asOf, fingerprint),
                EventTypes.CANDIDATE_SCORED,
                EventTypes.SOURCE_SCORING,
                now,
                candidateId);
        return new Scored(
                summary,
                asOf,
                report.total(),
                fingerprint,
                OutboxRecord.of(Topics.CANDIDATE_SCORES, candidateId, ce, summary));
    }

    String fingerprint(Profile profile, LocalDate today) {
        return fingerprint(scorer.engine(), profile, today);
    }

    /** What the daily re-score compares with the stored fingerprint: the assessment as of the month of {@code today}. */
    static String fingerprint(CrsEngine engine, Profile profile, LocalDate today) {
        return ScoreSummaries.fingerprint(engine.assess(profile, ScoreMonth.of(today)));
    }
}
