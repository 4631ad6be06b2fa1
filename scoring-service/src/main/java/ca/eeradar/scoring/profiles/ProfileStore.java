package ca.eeradar.scoring.profiles;

import ca.eeradar.contracts.rules.CandidateId;
import ca.eeradar.contracts.CandidateErased;
import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import ca.eeradar.kit.Problem;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.scoring.crs.Profile;
import ca.eeradar.scoring.crs.ProfileValidator;
import ca.eeradar.scoring.crs.ScoreReport;
import ca.eeradar.scoring.crs.Violation;
import ca.eeradar.scoring.outbox.Outbox;
import ca.eeradar.scoring.outbox.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Create, replace (one by PUT, or many by import), read and erase stored profiles. Every change
 * writes its event (CandidateScored or CandidateErased) to the outbox in the same transaction, so
 * the store and the topic never disagree; a rejected request changes nothing.
 */
@ApplicationScoped
public class ProfileStore {

    /**
     * Create or replace, guarded: a row is replaced only by the version after the one locked by
     * {@link #lockVersions}, so a profile created concurrently (no row to lock yet) is never
     * overwritten silently: the statement then counts 0 rows and the request answers 409.
     */
    private static final String UPSERT = "insert into candidate_profile (candidate_id, version, profile_json, profile_compact,"
            + " submitted_at, score_as_of, score_total, score_fingerprint, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (candidate_id) do update set version = excluded.version, profile_json = excluded.profile_json,"
            + " profile_compact = excluded.profile_compact, submitted_at = excluded.submitted_at, score_as_of = excluded.score_as_of,"
            + " score_total = excluded.score_total, score_fingerprint = excluded.score_fingerprint, updated_at = excluded.updated_at"
            + " where candidate_profile.version = excluded.version - 1";

    /** If-Match: * (any current version, but there must be one). */
    public static final long ANY_VERSION = -1;

    @Inject
    Scorer scorer;

    @Inject
    Outbox outbox;

    @Inject
    ProfileTopic profileTopic;

    @Inject
    Clock clock;

    @Inject
    ProfileValidator validator;

    @Inject
    EntityManager em;

    public record Saved(boolean created, long version, CandidateScored score) {
    }

    public record Stored(long version, Profile profile) {
    }

    /** One candidate's profile to store: the body of a PUT, or one item of an import. */
    public record Submission(String candidateId, Profile profile) {
    }

    /**
     * Creates or replaces. {@code ifMatch}: the version the client last read (412 if it moved on);
     * {@code createOnly} (If-None-Match: *): 412 if a profile exists.
     */
    @Transactional
    public Saved put(String candidateId, Profile profile, Long ifMatch, boolean createOnly, LocalDate today) {
        checkId(candidateId);
        List<Problem.FieldError> errors = violations(profile, today, "");
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Map<String, Long> current = lockVersions(List.of(candidateId));
        Long version = current.get(candidateId);
        if (version == null && ifMatch != null) {
            throw ProblemException.preconditionFailed("If-Match given but candidate " + candidateId + " has no profile");
        }
        if (version != null && createOnly) {
            throw ProblemException.preconditionFailed("If-None-Match: * but candidate " + candidateId + " already has a profile");
        }
        if (version != null && ifMatch != null && ifMatch != ANY_VERSION && ifMatch.longValue() != version) {
            throw ProblemException.preconditionFailed("profile is at version " + version + ", not " + ifMatch);
        }
        return write(List.of(new Submission(candidateId, profile)), current, today).get(0);
    }

    /**
     * Creates or replaces many profiles at once, each exactly as a PUT without If-Match would, in one
     * transaction: if any item is invalid, nothing is written and every bad field is named with its
     * item's index ({@code items[3].profile.dateOfBirth}). Answers one {@link Saved} per item, in order.
     */
    @Transactional
    public List<Saved> importAll(List<Submission> items, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String item = "items[" + i + "]";
            Submission s = items.get(i);
            if (s == null) {
                errors.add(new Problem.FieldError(item, "an item {candidateId, profile} is required"));
                continue;
            }
            if (!validId(s.candidateId())) {
                errors.add(new Problem.FieldError(item + ".candidateId", CandidateId.DESCRIPTION));
            } else {
                Integer first = firstIndex.putIfAbsent(s.candidateId(), i);
                if (first != null) {
                    // Two profiles for one candidate in one request: which one wins would be an accident of order.
                    errors.add(new Problem.FieldError(item + ".candidateId", "same candidate as items[" + first + "]: one profile per candidate per import"));
                }
            }
            errors.addAll(violations(s.profile(), today, item + ".profile"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return write(items, lockVersions(new ArrayList<>(firstIndex.keySet())), today);
    }

    @Transactional
    public Optional<Stored> get(String candidateId) {
        checkId(candidateId);
        CandidateProfile row = CandidateProfile.findById(candidateId);
        return row == null ? Optional.empty() : Optional.of(new Stored(row.version, ProfileJson.read(row.profileJson)));
    }

    /** Erasure: the row is deleted and CandidateErased tells every read model to forget the id. */
    @Transactional
    public void erase(String candidateId, Long ifMatch) {
        checkId(candidateId);
        CandidateProfile row = CandidateProfile.findById(candidateId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw ProblemException.notFound("profile of candidate " + candidateId);
        }
        if (ifMatch != null && ifMatch != ANY_VERSION && ifMatch != row.version) {
            throw ProblemException.preconditionFailed("profile is at version " + row.version + ", not " + ifMatch);
        }
        long version = row.version;
        row.delete();
        Instant now = clock.instant();
        CloudEvent ce = new CloudEvent(EventTypes.candidateErasedId(candidateId, version), EventTypes.CANDIDATE_ERASED,
                EventTypes.SOURCE_SCORING, now, candidateId);
        outbox.addAll(List.of(OutboxEvent.of(Topics.CANDIDATE_SCORES, candidateId, ce, new CandidateErased(candidateId, version, now)),
                profileTopic.erased(candidateId, version, now)));
    }

    /**
     * Re-scores one stored profile as of {@code today} if its assessment no longer matches the stored
     * fingerprint, emitting CandidateScored; answers whether it changed. Locked, so a concurrent PUT
     * wins or waits, never interleaves.
     */
    @Transactional
    public boolean rescoreIfChanged(String candidateId, LocalDate today) {
        CandidateProfile row = CandidateProfile.findById(candidateId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return false;
        }
        Profile profile = ProfileJson.read(row.profileJson);
        String fingerprint = ScoreSummaries.fingerprint(scorer.engine().assess(profile, today));
        if (fingerprint.equals(row.scoreFingerprint) || today.isBefore(row.scoreAsOf)) {
            return false;
        }
        Scored scored = score(candidateId, row.version, profile, today, clock.instant());
        row.scoreAsOf = today;
        row.scoreTotal = scored.total();
        row.scoreFingerprint = scored.fingerprint();
        outbox.add(scored.event());
        return true;
    }

    /**
     * The write shared by PUT and import: scores every (already validated) profile as of
     * {@code today}, upserts the rows with the next version and writes one CandidateScored per
     * candidate to the outbox, each as one JDBC batch in the caller's transaction. {@code current}
     * holds the locked versions of the candidates that have a profile.
     */
    private List<Saved> write(List<Submission> items, Map<String, Long> current, LocalDate today) {
        Instant now = clock.instant();
        List<Saved> saved = new ArrayList<>(items.size());
        List<OutboxEvent> events = new ArrayList<>(items.size());
        int[] notWritten = {-1};
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                for (Submission s : items) {
                    Long previous = current.get(s.candidateId());
                    long version = previous == null ? 1 : previous + 1;
                    Profile profile = s.profile();
                    Scored scored = score(s.candidateId(), version, profile, today, now);
                    upsert.setString(1, s.candidateId());
                    upsert.setLong(2, version);
                    upsert.setString(3, ProfileJson.write(profile));
                    upsert.setBytes(4, CompactProfile.encode(profile));
                    upsert.setTimestamp(5, Timestamp.from(profile.profileSubmittedAt()));
                    upsert.setObject(6, today);
                    upsert.setInt(7, scored.total());
                    upsert.setString(8, scored.fingerprint());
                    upsert.setTimestamp(9, Timestamp.from(now));
                    upsert.setTimestamp(10, Timestamp.from(now));
                    upsert.addBatch();
                    events.add(scored.event());
                    events.add(profileTopic.changed(s.candidateId(), version, profile, now));
                    saved.add(new Saved(previous == null, version, scored.summary()));
                }
                int[] counts = upsert.executeBatch();
                for (int i = 0; i < counts.length && notWritten[0] < 0; i++) {
                    if (counts[i] == 0) {
                        notWritten[0] = i;
                    }
                }
            }
        });
        if (notWritten[0] >= 0) {
            // UPSERT's version guard held: someone created this candidate after our lock was taken. Rolls back all.
            throw ProblemException.conflict("the profile of candidate " + items.get(notWritten[0]).candidateId()
                    + " was created by another request at the same time; nothing was stored, retry");
        }
        outbox.addAll(events);
        return saved;
    }

    /**
     * Locks the stored rows of these candidates and answers their versions (absent = no profile).
     * Locked in candidate id order, so two imports sharing candidates wait for each other instead of
     * deadlocking.
     */
    private Map<String, Long> lockVersions(List<String> candidateIds) {
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

    /** A profile scored as of a day: what its row stores and the CandidateScored event for the outbox. */
    private record Scored(CandidateScored summary, int total, String fingerprint, OutboxEvent event) {
    }

    private Scored score(String candidateId, long version, Profile profile, LocalDate today, Instant now) {
        ScoreReport report = scorer.engine().score(profile, today);
        CandidateScored summary = ScoreSummaries.of(candidateId, version, report, now);
        String fingerprint = ScoreSummaries.fingerprint(scorer.engine().assess(profile, today));
        CloudEvent ce = new CloudEvent(EventTypes.candidateScoredId(candidateId, version, today), EventTypes.CANDIDATE_SCORED,
                EventTypes.SOURCE_SCORING, now, candidateId);
        return new Scored(summary, report.total(), fingerprint, OutboxEvent.of(Topics.CANDIDATE_SCORES, candidateId, ce, summary));
    }

    /** Everything wrong with a profile, fields prefixed with {@code path} ("" for a PUT body). */
    private List<Problem.FieldError> violations(Profile profile, LocalDate today, String path) {
        String prefix = path.isEmpty() ? "" : path + ".";
        List<Problem.FieldError> errors = new ArrayList<>();
        if (profile == null) {
            errors.add(new Problem.FieldError(path.isEmpty() ? "body" : path, "a profile is required"));
            return errors;
        }
        boolean submittedAtNamed = false;
        for (Violation v : validator.validate(profile, today)) {
            errors.add(new Problem.FieldError(prefix + v.field(), v.message()));
            submittedAtNamed |= v.field().equals("profileSubmittedAt");
        }
        if (profile.profileSubmittedAt() == null && !submittedAtNamed) {
            errors.add(new Problem.FieldError(prefix + "profileSubmittedAt", "is required (the pool and the tie-break depend on it)"));
        }
        return errors;
    }

    static void checkId(String candidateId) {
        if (!validId(candidateId)) {
            throw ProblemException.invalid("candidateId", CandidateId.DESCRIPTION);
        }
    }

    static boolean validId(String candidateId) {
        return CandidateId.isValid(candidateId);
    }
}
