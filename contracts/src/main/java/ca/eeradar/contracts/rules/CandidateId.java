package ca.eeradar.contracts.rules;

import java.util.regex.Pattern;

/**
 * A candidate id: opaque, chosen by the client that stores the profile, never derived from personal
 * data. Bounded so that junk never reaches SQL, logs or a topic key; every service and the JSON Schemas
 * accept exactly the values {@link #PATTERN} accepts.
 */
public final class CandidateId {
    public static final int MAX_LENGTH = 64;
    /** The whole-string pattern; the schemas carry it anchored ({@code ^...$}). */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    /** What a client is told when a candidate id is refused. */
    public static final String DESCRIPTION =
            "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    private CandidateId() {}

    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }
}
