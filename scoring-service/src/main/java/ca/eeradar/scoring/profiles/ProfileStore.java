package ca.eeradar.scoring.profiles;

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
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Create, replace, read and erase stored profiles. Every change writes its event (CandidateScored
 * or CandidateErased) to the outbox in the same transaction, so the store and the topic never
 * disagree; a rejected request changes nothing.
 */
@ApplicationScoped
public class ProfileStore {
    /** Opaque ids only: never an e-mail or a name, which would put personal data into every event key. */
    static final Pattern CANDIDATE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** If-Match: * (any current version, but there must be one). */
    public static final long ANY_VERSION = -1;

    @Inject
    Scorer scorer;

    @Inject
    Outbox outbox;

    Clock clock = Clock.systemUTC();

    @Inject
    ProfileValidator validator;

    public record Saved(boolean created, long version, CandidateScored score) {
    }

    public record Stored(long version, Profile profile) {
    }

    /**
     * Creates or replaces. {@code ifMatch}: the version the client last read (412 if it moved on);
     * {@code createOnly} (If-None-Match: *): 412 if a profile exists.
     */
    @Transactional
    public Saved put(String candidateId, Profile profile, Long ifMatch, boolean createOnly, LocalDate today) {
        checkId(candidateId);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (profile == null) {
            errors.add(new Problem.FieldError("body", "a profile is required"));
        } else {
            for (Violation v : validator.validate(profile, today)) {
                errors.add(new Problem.FieldError(v.field(), v.message()));
            }
            if (profile.profileSubmittedAt() == null && errors.stream().noneMatch(e -> e.field().equals("profileSubmittedAt"))) {
                errors.add(new Problem.FieldError("profileSubmittedAt", "is required (the pool and the tie-break depend on it)"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        CandidateProfile row = CandidateProfile.findById(candidateId, LockModeType.PESSIMISTIC_WRITE);
        boolean created = row == null;
        if (created && ifMatch != null) {
            throw ProblemException.preconditionFailed("If-Match given but candidate " + candidateId + " has no profile");
        }
        if (!created && createOnly) {
            throw ProblemException.preconditionFailed("If-None-Match: * but candidate " + candidateId + " already has a profile");
        }
        if (!created && ifMatch != null && ifMatch != ANY_VERSION && ifMatch != row.version) {
            throw ProblemException.preconditionFailed("profile is at version " + row.version + ", not " + ifMatch);
        }
        Instant now = clock.instant();
        if (created) {
            row = new CandidateProfile();
            row.candidateId = candidateId;
            row.version = 1;
            row.createdAt = now;
        } else {
            row.version++;
        }
        CandidateScored score = scoreInto(row, profile, today, now);
        row.profileJson = ProfileJson.write(profile);
        row.profileCompact = CompactProfile.encode(profile);
        row.submittedAt = profile.profileSubmittedAt();
        row.updatedAt = now;
        if (created) {
            row.persist();
        }
        return new Saved(created, row.version, score);
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
        outbox.add(OutboxEvent.of(Topics.CANDIDATE_SCORES, candidateId, ce, new CandidateErased(candidateId, version, now)));
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
        scoreInto(row, profile, today, clock.instant());
        return true;
    }

    /** Scores the profile as of {@code today}, stores the summary on the row and writes CandidateScored to the outbox. */
    private CandidateScored scoreInto(CandidateProfile row, Profile profile, LocalDate today, Instant now) {
        ScoreReport report = scorer.engine().score(profile, today);
        CandidateScored score = ScoreSummaries.of(row.candidateId, row.version, report, now);
        row.scoreAsOf = today;
        row.scoreTotal = report.total();
        row.scoreFingerprint = ScoreSummaries.fingerprint(scorer.engine().assess(profile, today));
        CloudEvent ce = new CloudEvent(EventTypes.candidateScoredId(row.candidateId, row.version, today), EventTypes.CANDIDATE_SCORED,
                EventTypes.SOURCE_SCORING, now, row.candidateId);
        outbox.add(OutboxEvent.of(Topics.CANDIDATE_SCORES, row.candidateId, ce, score));
        return score;
    }

    static void checkId(String candidateId) {
        if (candidateId == null || !CANDIDATE_ID.matcher(candidateId).matches()) {
            throw ProblemException.invalid("candidateId", "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }
}
