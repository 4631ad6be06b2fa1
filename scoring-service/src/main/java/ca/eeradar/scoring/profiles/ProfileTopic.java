package ca.eeradar.scoring.profiles;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.InternalTopics;
import ca.eeradar.crs.Profile;
import ca.eeradar.kit.outbox.OutboxRecord;
import ca.eeradar.scoring.pool.ProfileRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The outbox rows that carry a stored profile to the internal profile topic: the encrypted profile
 * on every change, a tombstone on erasure. Written in the same transaction as the row they mirror,
 * after the row was locked, so one candidate's rows are in the outbox in commit order and the relay
 * (one at a time across the cluster) keeps that order on the topic.
 */
@ApplicationScoped
public class ProfileTopic {
    /** Not a public event type: the type column of the outbox row only. */
    static final String RECORD_TYPE = "ee-radar.scoring.profile";

    @Inject
    ProfileRecords records;

    public OutboxRecord changed(String candidateId, long version, Profile profile, Instant now) {
        CloudEvent row = new CloudEvent(
                "profile-" + candidateId + "-v" + version, RECORD_TYPE, EventTypes.SOURCE_SCORING, now, candidateId);
        return new OutboxRecord(
                InternalTopics.CANDIDATE_PROFILES,
                candidateId,
                row,
                records.value(candidateId, profile),
                records.activeKeyId());
    }

    public OutboxRecord erased(String candidateId, long version, Instant now) {
        CloudEvent row = new CloudEvent(
                "profile-erased-" + candidateId + "-v" + version,
                RECORD_TYPE,
                EventTypes.SOURCE_SCORING,
                now,
                candidateId);
        return new OutboxRecord(InternalTopics.CANDIDATE_PROFILES, candidateId, row, null, null);
    }
}
