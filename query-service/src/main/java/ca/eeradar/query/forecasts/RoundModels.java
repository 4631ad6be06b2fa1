package ca.eeradar.query.forecasts;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.forecast.ForecastModel;
import ca.eeradar.forecast.InvitationForecaster;
import ca.eeradar.forecast.RoundHistory;
import ca.eeradar.query.readmodel.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The forecast model fitted on the rounds of the read model, as of a date. The history is read again only when
 * the rounds changed (a new round or a new revision), and the fitted forecasters of the last few as-of dates are
 * kept until then: fitting reads a few hundred rounds, answering then costs microseconds.
 *
 * <p>Demo rounds (source MANUAL) never reach the model ({@link RoundHistory#ofDraws}): a round an operator typed
 * in to try the system must not move real candidates' probabilities.
 */
@ApplicationScoped
public class RoundModels {
    /** As-of dates kept per round history: the grid of a backtest client asks a few dozen. */
    private static final int KEPT_DATES = 64;

    @Inject
    DataSource ds;

    private String fingerprint;
    private ForecastModel model;
    private final Map<LocalDate, InvitationForecaster> byDate = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, InvitationForecaster> eldest) {
            return size() > KEPT_DATES;
        }
    };

    /** The model as of {@code asOf}: fitted only on rounds dated strictly before it. */
    public synchronized InvitationForecaster asOf(LocalDate asOf) {
        String now = fingerprint();
        if (!now.equals(fingerprint)) {
            List<Draw> draws = Sql.query(
                    ds,
                    "select payload from draw",
                    List.of(),
                    rs -> EventJson.read(rs.getString(1).getBytes(StandardCharsets.UTF_8), Draw.class));
            model = new ForecastModel(RoundHistory.ofDraws(draws));
            byDate.clear();
            fingerprint = now;
        }
        return byDate.computeIfAbsent(asOf, model::asOf);
    }

    /** Changes whenever a round is added or revised: the count of rounds and the sum of their revisions. */
    private String fingerprint() {
        return Sql.query(
                        ds,
                        "select count(*), coalesce(sum(revision), 0) from draw",
                        List.of(),
                        rs -> rs.getLong(1) + "/" + rs.getLong(2))
                .get(0);
    }
}
