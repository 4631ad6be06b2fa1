package ca.eeradar.query.projection;

import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.InvitationForecast;
import ca.eeradar.query.readmodel.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;

/**
 * The projection of express-entry.invitation-forecasts: the latest forecast per candidate. The topic is compacted
 * and keyed by candidate; every record is a complete forecast, and an erased candidate's key ends with a tombstone
 * (no value, no headers).
 */
@ApplicationScoped
public class ForecastProjection {
    private static final List<Integer> HORIZONS = List.of(30, 90, 180);

    /** The record that closes a candidate's key on the topic: its profile was erased. */
    public record Tombstone(String candidateId) {}

    @Inject
    DataSource ds;

    static InvitationForecast check(InvitationForecast f, String key) {
        require(f.candidateId() != null && f.candidateId().equals(key), "candidateId", f.candidateId());
        require(f.asOf() != null, "asOf", null);
        require(f.dataAsOf() != null, "dataAsOf", null);
        require(f.modelVersion() != null && !f.modelVersion().isBlank(), "modelVersion", null);
        require(f.computedAt() != null, "computedAt", null);
        require(
                f.horizons() != null
                        && f.horizons().stream()
                                .map(InvitationForecast.HorizonProbability::days)
                                .toList()
                                .equals(HORIZONS),
                "horizons",
                f.horizons());
        for (InvitationForecast.HorizonProbability h : f.horizons()) {
            require(h.probability() >= 0 && h.probability() <= 1, "horizons.probability", h.probability());
        }
        require(f.streams() != null, "streams", null);
        return f;
    }

    static Tombstone checkTombstone(String key) {
        require(key != null && !key.isBlank(), "key", null);
        return new Tombstone(key);
    }

    /** Keeps the forecast computed last, unless the candidate was erased after it was computed. */
    void upsert(InvitationForecast f) {
        Sql.update(
                ds,
                """
                insert into candidate_forecast (candidate_id, computed_at, payload)
                select ?, ?, ?
                where not exists (select 1 from candidate_erasure e where e.candidate_id = ? and e.erased_at >= ?)
                on conflict (candidate_id) do update set computed_at = excluded.computed_at, payload = excluded.payload
                where candidate_forecast.computed_at < excluded.computed_at""",
                f.candidateId(),
                f.computedAt(),
                new String(EventJson.write(f), StandardCharsets.UTF_8),
                f.candidateId(),
                f.computedAt());
    }

    void delete(Tombstone t) {
        Sql.update(ds, "delete from candidate_forecast where candidate_id = ?", t.candidateId());
    }

    private static void require(boolean ok, String field, Object value) {
        if (!ok) {
            throw new MalformedEventException("invalid field " + field + (value == null ? " (missing)" : ": " + value));
        }
    }
}
