package ca.eeradar.deploy.check;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Quarkus duration values: "30" (seconds), "30s", "2m", "500ms", or ISO-8601 "PT2M". */
final class Durations {
    private Durations() {
    }

    static Optional<Duration> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt") || v.startsWith("p")) {
                return Optional.of(Duration.parse(v.toUpperCase(Locale.ROOT)));
            }
            if (v.matches("\\d+")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            }
            if (v.endsWith("ms")) {
                return Optional.of(Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Optional.of(Duration.ofSeconds(amount));
                case 'm' -> Optional.of(Duration.ofMinutes(amount));
                case 'h' -> Optional.of(Duration.ofHours(amount));
                case 'd' -> Optional.of(Duration.ofDays(amount));
                default -> Optional.empty();
            };
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
