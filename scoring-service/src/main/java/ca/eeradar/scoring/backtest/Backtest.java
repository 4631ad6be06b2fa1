package ca.eeradar.scoring.backtest;

import ca.eeradar.contracts.Draw;
import ca.eeradar.crs.Profile;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.scoring.ScoringConfig;
import ca.eeradar.scoring.draws.DrawStore;
import ca.eeradar.scoring.evaluation.RoundRules;
import ca.eeradar.scoring.evaluation.Verdict;
import ca.eeradar.scoring.profiles.ProfileStore;
import ca.eeradar.scoring.profiles.Scorer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored candidate against every stored round of a period, each under the rules and on the date
 * of that round: the same {@link RoundRules} as the live evaluation, so the backtest answers what
 * the pipeline would have said.
 */
@ApplicationScoped
public class Backtest {
    @Inject
    ProfileStore profiles;

    @Inject
    DrawStore draws;

    @Inject
    Scorer scorer;

    @Inject
    ScoringConfig config;

    public record Result(String candidateId, LocalDate from, LocalDate to, List<Round> rounds) {}

    /** One round: what the round was, and the candidate's verdict in it. */
    public record Round(
            String drawNumber,
            int drawRevision,
            LocalDate drawDate,
            Instant drawnAt,
            String basis,
            int cutoff,
            Instant tieBreakAt,
            int score,
            String rulesVersion,
            boolean inPool,
            boolean eligible,
            boolean likely,
            Verdict.Reason reason,
            String tieBreak) {}

    public Result run(String candidateId, LocalDate from, LocalDate to) {
        ProfileStore.Stored stored = profiles.get(candidateId)
                .orElseThrow(() -> ProblemException.notFound("profile of candidate " + candidateId));
        Profile profile = stored.profile();
        List<Round> rounds = draws.latestBetween(from, to).stream()
                .filter(d -> !d.date().isBefore(scorer.engine().rules().firstDay()))
                .map(d -> round(d, profile))
                .toList();
        return new Result(candidateId, from, to, rounds);
    }

    private Round round(Draw d, Profile profile) {
        RoundRules rules = new RoundRules(d, config.zone());
        Verdict v = rules.judge(profile.profileSubmittedAt(), scorer.engine().assess(profile, d.date()));
        return new Round(
                d.number(),
                d.revision(),
                d.date(),
                d.drawnAt(),
                v.basis(),
                d.crsCutoff(),
                d.tieBreakAt(),
                v.score(),
                v.rulesVersion(),
                v.inPool(),
                v.eligible(),
                v.likely(),
                v.reason(),
                v.tieBreak() == null ? null : v.tieBreak().name());
    }
}
