package ca.eeradar.ingest.draws;

import ca.eeradar.kit.Problem.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Typed reading of a request body's fields that goes on after a bad one: each problem becomes a
 * {@link FieldError} named by its path ("pool.bands[2].min"), so one answer names every bad field.
 */
final class BodyFields {
    final List<FieldError> errors = new ArrayList<>();
    /** Path of the object being read ("pool.", "pool.bands[2].") for the names of its fields' errors. */
    private String prefix = "";

    /** Reads the fields of the object at {@code path} ("" for the body itself) from now on. */
    void at(String path) {
        prefix = path;
    }

    /** Names every field of {@code object} that is not one of {@code known}. */
    void unknown(JsonNode object, Set<String> known, String path) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                error(path + name, "unknown field");
            }
        }
    }

    void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(prefix + field, "is required");
            }
            return null;
        }
        if (value.isTextual()) {
            if (required && value.asText().isBlank()) {
                error(prefix + field, "must not be blank");
                return null;
            }
            return value.asText();
        }
        if ("number".equals(field) && value.isIntegralNumber()) {
            return value.asText();
        }
        error(prefix + field, "must be a string, was " + kind(value));
        return null;
    }

    Integer integer(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(prefix + field, "is required");
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            error(prefix + field, "must be a whole number, was " + kind(value));
            return null;
        }
        return value.intValue();
    }

    LocalDate date(JsonNode node, String field, boolean required) {
        String text = text(node, field, required);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            error(prefix + field, "'" + text + "' is not a date (yyyy-MM-dd)");
            return null;
        }
    }

    Instant instant(JsonNode node, String field) {
        String text = text(node, field, false);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            error(prefix + field, "'" + text + "' is not a date-time with offset (e.g. 2026-01-21T15:20:33Z)");
            return null;
        }
    }

    static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "the string \"" + value.asText() + "\"";
        }
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
