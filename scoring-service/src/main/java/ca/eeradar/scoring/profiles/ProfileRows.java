package ca.eeradar.scoring.profiles;

import ca.eeradar.crs.Profile;
import ca.eeradar.scoring.pool.CompactProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** The SQL of the candidate_profile table that the store batches: locking versions and guarded upserts. */
@ApplicationScoped
public class ProfileRows {
    /**
     * Create or replace, guarded: a row is replaced only by the version after the one locked by
     * {@link #lockVersions}, so a profile created concurrently (no row to lock yet) is never
     * overwritten silently: the statement then counts 0 rows.
     */
    private static final String UPSERT =
            "insert into candidate_profile (candidate_id, version, profile_json, profile_compact,"
                    + " submitted_at, score_as_of, score_total, score_fingerprint, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (candidate_id) do update set version = excluded.version, profile_json = excluded.profile_json,"
                    + " profile_compact = excluded.profile_compact, submitted_at = excluded.submitted_at, score_as_of = excluded.score_as_of,"
                    + " score_total = excluded.score_total, score_fingerprint = excluded.score_fingerprint, updated_at = excluded.updated_at"
                    + " where candidate_profile.version = excluded.version - 1";

    @Inject
    EntityManager em;

    /** One row to write: the profile at its new version, scored as of {@code scoreAsOf}. */
    record Row(
            String candidateId,
            long version,
            Profile profile,
            LocalDate scoreAsOf,
            int scoreTotal,
            String fingerprint) {}

    /**
     * Locks the stored rows of these candidates and answers their versions (absent = no profile).
     * Locked in candidate id order, so two imports sharing candidates wait for each other instead of
     * deadlocking.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<String, Long> lockVersions(List<String> candidateIds) {
        Map<String, Long> versions = new HashMap<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "select candidate_id, version from candidate_profile where candidate_id = any (?) order by candidate_id for update")) {
                select.setArray(1, c.createArrayOf("varchar", candidateIds.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        versions.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        });
        return versions;
    }

    /** Writes the rows as one JDBC batch; answers the index of the first row the version guard refused, or -1. */
    @Transactional(Transactional.TxType.MANDATORY)
    int upsert(List<Row> rows, Instant now) {
        int[] refused = {-1};
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                for (Row row : rows) {
                    upsert.setString(1, row.candidateId());
                    upsert.setLong(2, row.version());
                    upsert.setString(3, ProfileJson.write(row.profile()));
                    upsert.setBytes(4, CompactProfile.encode(row.profile()));
                    upsert.setTimestamp(5, Timestamp.from(row.profile().profileSubmittedAt()));
                    upsert.setObject(6, row.scoreAsOf());
                    upsert.setInt(7, row.scoreTotal());
                    upsert.setString(8, row.fingerprint());
                    upsert.setTimestamp(9, Timestamp.from(now));
                    upsert.setTimestamp(10, Timestamp.from(now));
                    upsert.addBatch();
                }
                int[] counts = upsert.executeBatch();
                for (int i = 0; i < counts.length && refused[0] < 0; i++) {
                    if (counts[i] == 0) {
                        refused[0] = i;
                    }
                }
            }
        });
        return refused[0];
    }
}
