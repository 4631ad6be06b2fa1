package ca.eeradar.scoring.forecasts;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.InvitationForecast;
import ca.eeradar.contracts.Topics;
import ca.eeradar.kit.outbox.Outbox;
import ca.eeradar.kit.outbox.OutboxRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Publishes a chunk of recomputed forecasts: in one transaction, those that are news ({@link ForecastChange}
 * against the last published one) are written to the outbox and kept as the last published.
 *
 * <p>The profile rows of the chunk are locked first (in id order, as a profile write locks them), and a forecast
 * is dropped when its profile is gone or has moved to another version: an erasure committed meanwhile must not be
 * followed by a forecast of the erased candidate, and a changed profile has its own recomputation on the way. An
 * erasure that comes after waits for this transaction, so its tombstone follows the forecast on the topic.
 */
@ApplicationScoped
public class ForecastPublisher {
    /** A recomputed forecast and the profile version it was computed from. */
    public record Recomputed(long profileVersion, InvitationForecast forecast) {}

    @Inject
    DataSource ds;

    @Inject
    Outbox outbox;

    /** Answers how many forecasts of the chunk were published. */
    @Transactional
    public int publish(List<Recomputed> chunk) {
        if (chunk.isEmpty()) {
            return 0;
        }
        List<String> ids = chunk.stream().map(r -> r.forecast().candidateId()).toList();
        try (Connection c = ds.getConnection()) {
            Map<String, Long> versions = lockProfiles(c, ids);
            Map<String, InvitationForecast> published = lastPublished(c, ids);
            List<OutboxRecord> events = new ArrayList<>();
            try (PreparedStatement keep = c.prepareStatement(
                    "insert into candidate_forecast (candidate_id, forecast, published_at) values (?, ?::jsonb, ?)"
                            + " on conflict (candidate_id) do update set forecast = excluded.forecast,"
                            + " published_at = excluded.published_at")) {
                for (Recomputed r : chunk) {
                    InvitationForecast next = r.forecast();
                    Long version = versions.get(next.candidateId());
                    if (version == null
                            || version != r.profileVersion()
                            || !ForecastChange.worthPublishing(published.get(next.candidateId()), next)) {
                        continue;
                    }
                    byte[] json = EventJson.write(next);
                    keep.setString(1, next.candidateId());
                    keep.setString(2, new String(json, StandardCharsets.UTF_8));
                    keep.setTimestamp(3, Timestamp.from(next.computedAt()));
                    keep.addBatch();
                    events.add(event(next));
                }
                if (events.isEmpty()) {
                    return 0;
                }
                keep.executeBatch();
            }
            outbox.addAll(events);
            return events.size();
        } catch (SQLException e) {
            throw new IllegalStateException("publishing forecasts failed: " + e.getMessage(), e);
        }
    }

    static OutboxRecord event(InvitationForecast f) {
        CloudEvent ce = new CloudEvent(
                EventTypes.invitationForecastId(f.candidateId(), f.asOf(), f.computedAt()),
                EventTypes.INVITATION_FORECAST,
                EventTypes.SOURCE_SCORING,
                f.computedAt(),
                f.candidateId());
        return OutboxRecord.of(Topics.INVITATION_FORECASTS, f.candidateId(), ce, f);
    }

    private static Map<String, Long> lockProfiles(Connection c, List<String> ids) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select candidate_id, version from candidate_profile"
                + " where candidate_id = any (?) order by candidate_id for update")) {
            ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return versions;
    }

    private static Map<String, InvitationForecast> lastPublished(Connection c, List<String> ids) throws SQLException {
        Map<String, InvitationForecast> last = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select candidate_id, forecast::text from candidate_forecast where candidate_id = any (?)")) {
            ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last.put(
                            rs.getString(1),
                            EventJson.read(rs.getString(2).getBytes(StandardCharsets.UTF_8), InvitationForecast.class));
                }
            }
        }
        return last;
    }
}
