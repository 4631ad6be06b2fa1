package ca.eeradar.query.api;

import ca.eeradar.kit.Problem;
import ca.eeradar.kit.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads query parameters and collects every mistake, so one 400 names all bad parameters at once.
 * Call {@link #check()} before using the values.
 */
public final class Params {
    private final List<Problem.FieldError> errors = new ArrayList<>();

    public <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            error(name, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    public LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            error(name, "'" + value + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    /** {@code limit}: a positive integer; more than {@code max} is capped to {@code max}. */
    public int limit(String value, int defaultLimit, int max) {
        if (value == null || value.isBlank()) {
            return Math.min(defaultLimit, max);
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit < 1) {
                error("limit", "must be at least 1");
                return 1;
            }
            return Math.min(limit, max);
        } catch (NumberFormatException e) {
            error("limit", "'" + value + "' is not an integer");
            return 1;
        }
    }

    public void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            error("from", "is after to (" + to + ")");
        }
    }

    /** A cursor decoded by {@code decode}, which answers null for a cursor that is not ours. */
    public <T> T cursor(String value, Function<String, T> decode) {
        if (value == null || value.isBlank()) {
            return null;
        }
        T decoded = decode.apply(value.trim());
        if (decoded == null) {
            error("cursor", "is not a cursor given by this API");
        }
        return decoded;
    }

    public void error(String name, String message) {
        errors.add(new Problem.FieldError(name, message));
    }

    public void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
