package ca.eeradar.deploy.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** The environment variable of a property name, by the SmallRye Config / MicroProfile Config rule. */
public final class EnvNames {
    private EnvNames() {
    }

    /** {@code ee-radar.ingest.feed.url} -> {@code EE_RADAR_INGEST_FEED_URL}: each non-alphanumeric becomes '_'. */
    public static String of(String property) {
        StringBuilder env = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            env.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return env.toString();
    }

    /**
     * A pattern for a property name with map keys: a quoted placeholder ({@code "datasource-name"}) or
     * {@code *} stands for any key, which in an environment variable is any run of [A-Z0-9_].
     */
    public static Pattern patternOf(String property) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < property.length()) {
            char c = property.charAt(i);
            if (c == '"') {
                int end = property.indexOf('"', i + 1);
                regex.append("[A-Z0-9_]+");
                i = end < 0 ? property.length() : end + 1;
            } else if (c == '*') {
                regex.append("[A-Z0-9_]+");
                i++;
            } else {
                regex.append(Character.isLetterOrDigit(c) && c < 128
                        ? String.valueOf(Character.toUpperCase(c)) : "_");
                i++;
            }
        }
        return Pattern.compile(regex.toString().toUpperCase(Locale.ROOT));
    }
}
