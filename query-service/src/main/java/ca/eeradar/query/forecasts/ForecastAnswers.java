package ca.eeradar.query.forecasts;

import ca.eeradar.contracts.rounds.RoundStream;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.forecast.CandidateTimeline;
import ca.eeradar.forecast.Eligibility;
import ca.eeradar.forecast.Forecast;
import ca.eeradar.forecast.Horizon;
import ca.eeradar.forecast.InvitationForecaster;
import ca.eeradar.forecast.StreamOutlook;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The answers of the forecast endpoints, from a forecaster as of a date. */
final class ForecastAnswers {
    static final String ESTIMATE = "A statistical estimate from the public history of IRCC's rounds of invitations"
            + " (how often each kind of round ran and where its cutoffs fell), not a prediction of IRCC's decisions.";

    private ForecastAnswers() {}

    record Candidate(int score, List<Program> programs, List<Category> categories, List<String> streams) {}

    record StreamChance(String stream, double within90Days) {}

    record HypotheticalForecast(
            LocalDate asOf,
            LocalDate dataAsOf,
            String modelVersion,
            String estimate,
            Candidate candidate,
            Map<String, Double> within,
            LocalDate halfwayBy,
            List<StreamChance> streams) {}

    record Cutoffs(Integer p10, Integer p50, Integer p90) {}

    record StreamView(String stream, double roundsPer30Days, Cutoffs nextCutoff) {}

    record StreamsAnswer(
            LocalDate asOf, LocalDate dataAsOf, String modelVersion, String estimate, List<StreamView> streams) {}

    /**
     * A candidate whose score stays {@code score} and whose profile does not expire within the horizons: the
     * question "what are my chances at this score", not a stored candidate's own forecast.
     */
    static HypotheticalForecast hypothetical(
            InvitationForecaster forecaster, int score, List<Program> programs, List<Category> categories) {
        Set<RoundStream> streams = Eligibility.streams(programs, categories);
        Forecast f = forecaster.forecast(CandidateTimeline.fixed(score, streams), null);
        Map<String, Double> within = new LinkedHashMap<>();
        for (Horizon h : Horizon.values()) {
            within.put(String.valueOf(h.days), round(f.within(h)));
        }
        List<StreamChance> alone = new ArrayList<>();
        f.streamsAlone90().forEach((stream, p) -> alone.add(new StreamChance(stream.id(), round(p))));
        alone.sort(Comparator.comparing(StreamChance::stream));
        return new HypotheticalForecast(
                forecaster.asOf(),
                forecaster.dataAsOf(),
                forecaster.modelVersion(),
                ESTIMATE,
                new Candidate(
                        score,
                        programs,
                        categories,
                        streams.stream().map(RoundStream::id).toList()),
                within,
                f.halfwayBy(),
                alone);
    }

    static StreamsAnswer streams(InvitationForecaster forecaster) {
        List<StreamView> views = new ArrayList<>();
        for (StreamOutlook o : forecaster.outlook().streams().values()) {
            views.add(new StreamView(
                    o.stream().id(),
                    round(o.expectedRounds(30)),
                    new Cutoffs(quantile(o, 0.1), quantile(o, 0.5), quantile(o, 0.9))));
        }
        views.sort(Comparator.comparing(StreamView::stream));
        return new StreamsAnswer(forecaster.asOf(), forecaster.dataAsOf(), forecaster.modelVersion(), ESTIMATE, views);
    }

    /** Null when the stream's history gives the next round's cutoff no such probability (too few rounds). */
    private static Integer quantile(StreamOutlook o, double q) {
        int score = o.cutoffQuantile(q);
        return score < 0 ? null : score;
    }

    private static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }
}
