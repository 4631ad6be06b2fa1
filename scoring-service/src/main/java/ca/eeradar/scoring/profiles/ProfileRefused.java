package ca.eeradar.scoring.profiles;

/**
 * Why the store refused a change of a stored profile, in the store's words; {@link ProfileRefusals} maps it
 * to HTTP at the edge (404, 412, 409), so the store knows nothing of HTTP.
 */
public class ProfileRefused extends RuntimeException {
    public enum Reason {
        /** The candidate has no stored profile. */
        NO_PROFILE,
        /** The client's expected version (If-Match / If-None-Match) is not the stored one. */
        VERSION_MOVED,
        /** Another request created the same candidate's profile at the same moment; nothing was stored. */
        CREATED_CONCURRENTLY
    }

    private final Reason reason;

    public ProfileRefused(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
