package ca.eeradar.scoring.forecasts;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.forecast.ForecastModel;
import ca.eeradar.forecast.InvitationForecaster;
import ca.eeradar.forecast.RoundHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The forecast model fitted on the rounds scoring-service keeps (its local copy of express-entry.draws), kept until
 * the next round or the next day. Fitting costs about a second; a candidate's forecast then costs microseconds, so
 * a run over every stored profile fits once.
 *
 * <p>Only IRCC's rounds count ({@link RoundHistory#ofDraws}): the demo's rounds, typed in by hand, never move a
 * real candidate's forecast.
 */
@ApplicationScoped
public class RoundForecasters {
    @Inject
    DataSource ds;

    private String fingerprint;
    private RoundHistory history;
    private InvitationForecaster current;

    /**
     * The forecaster for a run on {@code today}, or empty while no IRCC round is known (there is nothing to
     * estimate from, and the event promises a "data as of" date). A stored candidate's forecast uses every round
     * known when it is computed, while the model learns only from rounds dated strictly before its as-of date: a
     * round held today and already known moves the as-of date to tomorrow.
     */
    public synchronized Optional<InvitationForecaster> forRunOn(LocalDate today) throws SQLException {
        String now = fingerprint();
        if (!now.equals(fingerprint)) {
            history = RoundHistory.ofDraws(draws());
            current = null;
            fingerprint = now;
        }
        if (history.last() == null) {
            return Optional.empty();
        }
        LocalDate asOf = history.last().isBefore(today) ? today : history.last().plusDays(1);
        if (current == null || !current.asOf().equals(asOf)) {
            current = new ForecastModel(history).asOf(asOf);
        }
        return Optional.of(current);
    }

    /** Changes with every new round and every new revision of one. */
    private String fingerprint() throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select count(*), coalesce(sum(revision), 0) from draw_revision");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2);
        }
    }

    private List<Draw> draws() throws SQLException {
        List<Draw> draws = new ArrayList<>();
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("select payload from draw_revision");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                draws.add(EventJson.read(rs.getString(1).getBytes(StandardCharsets.UTF_8), Draw.class));
            }
        }
        return draws;
    }
}
