package ca.eeradar.scoring.forecasts;

import ca.eeradar.contracts.InvitationForecast;
import ca.eeradar.crs.CrsEngine;
import ca.eeradar.crs.Profile;
import ca.eeradar.forecast.InvitationForecaster;
import ca.eeradar.scoring.ScoringConfig;
import ca.eeradar.scoring.profiles.ProfileStream;
import ca.eeradar.scoring.profiles.ProfilesStored.StoredProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Recomputes stored candidates' forecasts with the model of the day and publishes those that are news. Everyone:
 * a scan of the profile table in batches (the parallel stream the daily re-score uses), one publishing
 * transaction per batch, so a million profiles never hold one transaction. Some: the profiles a write just stored.
 */
@ApplicationScoped
public class ForecastRun {
    private static final Logger LOG = Logger.getLogger(ForecastRun.class);

    @Inject
    RoundForecasters forecasters;

    @Inject
    ProfileStream profiles;

    @Inject
    ForecastPublisher publisher;

    @Inject
    CrsEngine engine;

    @Inject
    ScoringConfig config;

    /** Every stored profile, as of {@code today}; answers how many forecasts were published. */
    public int everyone(LocalDate today, Instant computedAt) throws SQLException, InterruptedException {
        Optional<InvitationForecaster> model = forecasters.forRunOn(today);
        if (model.isEmpty()) {
            LOG.debug("forecasts: no IRCC round known yet, nothing to forecast from");
            return 0;
        }
        InvitationForecaster forecaster = model.get();
        AtomicInteger published = new AtomicInteger();
        long started = System.nanoTime();
        long scanned = profiles.stream(null, null, batch -> {
            List<ForecastPublisher.Recomputed> chunk = new ArrayList<>(batch.size());
            for (ProfileStream.Row row : batch) {
                recompute(forecaster, row.candidateId(), row.version(), row.profile(), computedAt, chunk);
            }
            published.addAndGet(publisher.publish(chunk));
        });
        LOG.infof(
                "forecasts as of %s (data as of %s): %d profiles, %d published, %d ms",
                forecaster.asOf(),
                forecaster.dataAsOf(),
                scanned,
                published.get(),
                (System.nanoTime() - started) / 1_000_000);
        return published.get();
    }

    /** The profiles a write stored, as of {@code today}; answers how many forecasts were published. */
    public int some(List<StoredProfile> stored, LocalDate today, Instant computedAt) throws SQLException {
        Optional<InvitationForecaster> model = forecasters.forRunOn(today);
        if (model.isEmpty() || stored.isEmpty()) {
            return 0;
        }
        List<ForecastPublisher.Recomputed> chunk = new ArrayList<>(stored.size());
        for (StoredProfile s : stored) {
            recompute(model.get(), s.candidateId(), s.version(), s.profile(), computedAt, chunk);
        }
        return publisher.publish(chunk);
    }

    private void recompute(
            InvitationForecaster forecaster,
            String candidateId,
            long version,
            Profile profile,
            Instant computedAt,
            List<ForecastPublisher.Recomputed> into) {
        try {
            var forecast = forecaster.forecast(
                    ProfileStandings.timeline(engine, profile, forecaster.asOf()),
                    ProfileStandings.lastDayInPool(profile, config.zone()));
            InvitationForecast event = ForecastEvents.of(
                    candidateId, forecast, forecaster.modelVersion(), forecaster.dataAsOf(), computedAt);
            into.add(new ForecastPublisher.Recomputed(version, event));
        } catch (RuntimeException e) {
            // One profile the engine cannot assess must not stop everyone else's forecast.
            LOG.warnf("candidate %s: no forecast: %s", candidateId, e.getClass().getSimpleName());
        }
    }
}
