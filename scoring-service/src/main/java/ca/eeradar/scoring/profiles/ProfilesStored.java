package ca.eeradar.scoring.profiles;

import ca.eeradar.crs.Profile;
import java.util.List;

/**
 * Fired inside the transaction of a PUT or an import with the profiles it stored; observers that act after the
 * commit (the forecast) see only what was really stored.
 */
public record ProfilesStored(List<StoredProfile> profiles) {
    public record StoredProfile(String candidateId, long version, Profile profile) {}
}
