package ca.eeradar.scoring.profiles;

import ca.eeradar.contracts.CandidateErased;
import ca.eeradar.contracts.CandidateScored;
import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.ScoreMonth;
import ca.eeradar.crs.Profile;
import ca.eeradar.kit.outbox.Outbox;
import ca.eeradar.kit.outbox.OutboxRecord;
import ca.eeradar.scoring.profiles.ProfileRefused.Reason;
import ca.eeradar.scoring.profiles.ProfileScoring.Scored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Create, replace (one by PUT, or many by import), read and erase stored profiles. Every change
 * writes its event (CandidateScored or CandidateErased) to the outbox in the same transaction, so
 * the store and the topic never disagree; a rejected request changes nothing.
 */
@ApplicationScoped
public class ProfileStore {
    /** If-Match: * (any current version, but there must be one). */
    public static final long ANY_VERSION = -1;

    @Inject
    ProfileChecks checks;

    @Inject
    ProfileScoring scoring;

    @Inject
    ProfileRows rows;

    @Inject
    Outbox outbox;

    @Inject
    ProfileTopic profileTopic;

    @Inject
    Clock clock;

    @Inject
    Event<ProfilesStored> stored;

    public record Saved(boolean created, long version, CandidateScored score) {}

    public record Stored(long version, Profile profile) {}

    /** One candidate's profile to store: the body of a PUT, or one item of an import. */
    public record Submission(
            String candidateId, @BoundedLists Profile profile) {}

    /**
     * Creates or replaces. {@code ifMatch}: the version the client last read (refused if it moved on);
     * {@code createOnly} (If-None-Match: *): refused if a profile exists.
     */
    @Transactional
    public Saved put(String candidateId, Profile profile, Long ifMatch, boolean createOnly, LocalDate today) {
        checks.checkOne(candidateId, profile, today);
        Map<String, Long> current = rows.lockVersions(List.of(candidateId));
        Long version = current.get(candidateId);
        if (version == null && ifMatch != null) {
            throw new ProfileRefused(
                    Reason.VERSION_MOVED, "If-Match given but candidate " + candidateId + " has no profile");
        }
        if (version != null && createOnly) {
            throw new ProfileRefused(
                    Reason.VERSION_MOVED, "If-None-Match: * but candidate " + candidateId + " already has a profile");
        }
        if (version != null && ifMatch != null && ifMatch != ANY_VERSION && ifMatch.longValue() != version) {
            throw new ProfileRefused(Reason.VERSION_MOVED, "profile is at version " + version + ", not " + ifMatch);
        }
        return write(List.of(new Submission(candidateId, profile)), current, today)
                .get(0);
    }

    /**
     * Creates or replaces many profiles at once, each exactly as a PUT without If-Match would, in one
     * transaction: if any item is invalid, nothing is written and every bad field is named with its
     * item's index ({@code items[3].profile.dateOfBirth}). Answers one {@link Saved} per item, in order.
     */
    @Transactional
    public List<Saved> importAll(List<Submission> items, LocalDate today) {
        List<String> candidates = checks.checkAll(items, today);
        return write(items, rows.lockVersions(candidates), today);
    }

    @Transactional
    public Optional<Stored> get(String candidateId) {
        ProfileChecks.checkId(candidateId);
        CandidateProfile row = CandidateProfile.findById(candidateId);
        return row == null ? Optional.empty() : Optional.of(new Stored(row.version, ProfileJson.read(row.profileJson)));
    }

    /** Erasure: the row is deleted and CandidateErased tells every read model to forget the id. */
    @Transactional
    public void erase(String candidateId, Long ifMatch) {
        ProfileChecks.checkId(candidateId);
        CandidateProfile row = CandidateProfile.findById(candidateId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new ProfileRefused(Reason.NO_PROFILE, "profile of candidate " + candidateId + " not found");
        }
        if (ifMatch != null && ifMatch != ANY_VERSION && ifMatch != row.version) {
            throw new ProfileRefused(Reason.VERSION_MOVED, "profile is at version " + row.version + ", not " + ifMatch);
        }
        long version = row.version;
        row.delete();
        Instant now = clock.instant();
        CloudEvent ce = new CloudEvent(
                EventTypes.candidateErasedId(candidateId, version),
                EventTypes.CANDIDATE_ERASED,
                EventTypes.SOURCE_SCORING,
                now,
                candidateId);
        outbox.addAll(List.of(
                OutboxRecord.of(
                        Topics.CANDIDATE_SCORES, candidateId, ce, new CandidateErased(candidateId, version, now)),
                profileTopic.erased(candidateId, version, now),
                forecastTombstone(candidateId, version, now)));
    }

    /**
     * The forecast topic is compacted and keyed by candidate: a tombstone (no value, no headers) makes compaction
     * drop every forecast of the candidate, and tells read models to forget it. The last published forecast row
     * goes with the profile row (on delete cascade).
     */
    private static OutboxRecord forecastTombstone(String candidateId, long version, Instant now) {
        CloudEvent row = new CloudEvent(
                "invitation-forecast-erased-" + candidateId + "-v" + version,
                EventTypes.INVITATION_FORECAST,
                EventTypes.SOURCE_SCORING,
                now,
                candidateId);
        return new OutboxRecord(Topics.INVITATION_FORECASTS, candidateId, row, null, null);
    }

    /**
     * Re-scores one stored profile as of the month of {@code today} if its assessment no longer matches
     * the stored fingerprint, emitting CandidateScored; answers whether it changed. Locked, so a
     * concurrent PUT wins or waits, never interleaves.
     */
    @Transactional
    public boolean rescoreIfChanged(String candidateId, LocalDate today) {
        CandidateProfile row = CandidateProfile.findById(candidateId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return false;
        }
        Profile profile = ProfileJson.read(row.profileJson);
        if (scoring.fingerprint(profile, today).equals(row.scoreFingerprint)
                || ScoreMonth.of(today).isBefore(row.scoreAsOf)) {
            return false;
        }
        Scored scored = scoring.score(candidateId, row.version, profile, today, clock.instant());
        row.scoreAsOf = scored.asOf();
        row.scoreTotal = scored.total();
        row.scoreFingerprint = scored.fingerprint();
        outbox.add(scored.event());
        return true;
    }

    /**
     * The write shared by PUT and import: scores every (already checked) profile as of {@code today},
     * upserts the rows with the next version and writes one CandidateScored per candidate to the
     * outbox, each as one JDBC batch in the caller's transaction. {@code current} holds the locked
     * versions of the candidates that have a profile.
     */
    private List<Saved> write(List<Submission> items, Map<String, Long> current, LocalDate today) {
        Instant now = clock.instant();
        List<Saved> saved = new ArrayList<>(items.size());
        List<ProfileRows.Row> toWrite = new ArrayList<>(items.size());
        List<OutboxRecord> events = new ArrayList<>(items.size() * 2);
        List<ProfilesStored.StoredProfile> storedProfiles = new ArrayList<>(items.size());
        for (Submission s : items) {
            Long previous = current.get(s.candidateId());
            long version = previous == null ? 1 : previous + 1;
            Scored scored = scoring.score(s.candidateId(), version, s.profile(), today, now);
            toWrite.add(new ProfileRows.Row(
                    s.candidateId(), version, s.profile(), scored.asOf(), scored.total(), scored.fingerprint()));
            events.add(scored.event());
            events.add(profileTopic.changed(s.candidateId(), version, s.profile(), now));
            saved.add(new Saved(previous == null, version, scored.summary()));
            storedProfiles.add(new ProfilesStored.StoredProfile(s.candidateId(), version, s.profile()));
        }
        int refused = rows.upsert(toWrite, now);
        if (refused >= 0) {
            // The version guard held: someone created this candidate after our lock was taken. Rolls back all.
            throw new ProfileRefused(
                    Reason.CREATED_CONCURRENTLY,
                    "the profile of candidate " + items.get(refused).candidateId()
                            + " was created by another request at the same time; nothing was stored, retry");
        }
        outbox.addAll(events);
        stored.fire(new ProfilesStored(storedProfiles));
        return saved;
    }
}
