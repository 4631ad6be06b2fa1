package ca.eeradar.query.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Keyset cursors: the sort key of the last item of a page, opaque to clients (base64url). A keyset
 * rather than an offset, so a round announced while a client pages through the list neither
 * shifts nor repeats the items of the next page.
 */
public final class Cursor {
    private Cursor() {}

    public static String encode(String... parts) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor, or null when it is not one of ours with {@code count} parts. */
    public static String[] decode(String cursor, int count) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", -1);
            return parts.length == count ? parts : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
