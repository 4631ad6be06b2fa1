package ca.eeradar.scoring.pool;

import ca.eeradar.scoring.ScoringConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The profile-topic codec of this service, keyed from configuration (a Kubernetes Secret in deploy/). */
public class ProfileRecordsProducer {

    @Produces
    @ApplicationScoped
    ProfileRecords profileRecords(ScoringConfig config) {
        ScoringConfig.ProfileTopic topic = config.profileTopic();
        if (!topic.allowBuiltInKey() && ScoringConfig.BUILT_IN_KEY_ID.equals(topic.activeKeyId())) {
            throw new IllegalStateException("ee-radar.scoring.profile-topic.active-key-id is the built-in key, which"
                    + " allow-built-in-key=false forbids: configure a key of your own (deploy/README.md)");
        }
        return new ProfileRecords(new ProfileCipher(topic.activeKeyId(), topic.keys()));
    }
}
