package ca.eeradar.scoring.profiles;

import ca.eeradar.crs.ScoreReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A stored profile's coming score changes, to the day: birthdays, expiries, years of experience, new
 * rule sets. They give the date of birth and the test dates away, so they are served only here,
 * behind the profile writer's role, and never published (CandidateScored v2 has no timeline).
 */
@ApplicationScoped
public class ProfileTimeline {
    @Inject
    ProfileStore store;

    @Inject
    Scorer scorer;

    /**
     * @param asOf     the day the candidate's score and timeline are computed as of (exact, not the month)
     * @param total    the CRS total that day
     * @param timeline the changes after {@code asOf}, in date order, each with the total from then on
     */
    public record Answer(
            String candidateId,
            long profileVersion,
            LocalDate asOf,
            int total,
            List<ScoreReport.TimelineEntry> timeline) {}

    /** Empty when the candidate has no stored profile. */
    public Optional<Answer> of(String candidateId, LocalDate today) {
        return store.get(candidateId).map(stored -> {
            ScoreReport report = scorer.engine().score(stored.profile(), today);
            return new Answer(
                    candidateId,
                    stored.version(),
                    today,
                    report.total(),
                    report.timeline() == null ? List.of() : report.timeline());
        });
    }
}
