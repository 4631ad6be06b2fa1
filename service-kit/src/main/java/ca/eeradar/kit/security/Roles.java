package ca.eeradar.kit.security;

/**
 * The roles of the "groups" claim, the same in every service: reader (the mobile backend) < profile-writer
 * (stores profiles) < draw-admin (rounds and operator actions). Each role also passes every check of the roles below it.
 */
public final class Roles {
    public static final String READER = "reader";
    public static final String WRITER = "profile-writer";
    public static final String ADMIN = "draw-admin";

    private Roles() {}
}
