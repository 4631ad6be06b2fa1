package ca.eeradar.query.api;

/** The roles of the "groups" claim: reader < profile-writer < draw-admin. */
public final class Roles {
    public static final String READER = "reader";
    public static final String WRITER = "profile-writer";
    public static final String ADMIN = "draw-admin";

    private Roles() {
    }
}
