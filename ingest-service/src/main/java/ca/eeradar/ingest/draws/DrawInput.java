package ca.eeradar.ingest.draws;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.rounds.RoundKind;
import ca.eeradar.contracts.rounds.RoundNames;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.kit.Problem.FieldError;
import ca.eeradar.kit.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A round typed in by an operator (POST /api/v1/draws, PUT /api/v1/draws/{number}), read field by field so that
 * every bad field is named at once, then checked with the same {@link DrawRules} as the feed. Round type,
 * program, category and version come from the name, as for the feed; a body copied from GET (with roundType,
 * revision, source, ...) is accepted as long as it agrees with the name.
 */
public final class DrawInput {
    private static final Set<String> FIELDS = Set.of(
            "number",
            "date",
            "drawnAt",
            "name",
            "roundType",
            "program",
            "category",
            "categoryVersion",
            "eligiblePrograms",
            "invitations",
            "crsCutoff",
            "tieBreakAt",
            "pool",
            "revision",
            "source",
            "reference");
    private static final Set<String> POOL_FIELDS = Set.of("asOf", "total", "bands");
    private static final Set<String> BAND_FIELDS = Set.of("min", "max", "count");

    private final List<FieldError> errors = new ArrayList<>();
    /** Path of the object being read ("pool.", "pool.bands[2].") for the names of its fields' errors. */
    private String prefix = "";

    private DrawInput() {}

    /**
     * @param pathNumber the number in the URL of a PUT (the body's number may be left out), or null
     * @throws ProblemException 400 naming every bad field
     */
    public static Draw read(JsonNode body, String pathNumber, Instant now) {
        return new DrawInput().parse(body, pathNumber, now);
    }

    private Draw parse(JsonNode body, String pathNumber, Instant now) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ProblemException.invalid("body", "a round is required");
        }
        if (!body.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                error(name, "unknown field");
            }
        }
        String number = text(body, "number", pathNumber == null);
        if (number != null) {
            number = number.strip().toLowerCase(Locale.ROOT);
        }
        if (pathNumber != null) {
            String path = pathNumber.strip().toLowerCase(Locale.ROOT);
            if (number != null && !number.equals(path)) {
                error("number", "'" + number + "' does not match the round in the path, " + path);
            }
            number = path;
        }
        LocalDate date = date(body, "date", true);
        Instant drawnAt = instant(body, "drawnAt");
        String name = text(body, "name", true);
        RoundKind kind = null;
        if (name != null) {
            name = name.strip().replaceAll("\\s+", " ");
            kind = RoundNames.classify(name).orElse(null);
            if (kind == null) {
                error("name", "unknown round name '" + name + "'");
            }
        }
        if (kind != null) {
            agrees(body, "roundType", kind.roundType());
            agrees(body, "program", kind.program());
            agrees(body, "category", kind.category());
            agrees(body, "categoryVersion", kind.categoryVersion());
        }
        Integer invitations = integer(body, "invitations", true);
        Integer cutoff = integer(body, "crsCutoff", true);
        Instant tieBreakAt = instant(body, "tieBreakAt");
        List<Program> programs = programs(body);
        Draw.Pool pool = pool(body.get("pool"));
        String reference = text(body, "reference", false);
        if (reference == null && body.path("source").isObject()) {
            reference = body.path("source").path("reference").asText(null);
        }
        if (programs == null && kind != null) {
            programs = kind.defaultPrograms();
        }
        Draw draw = new Draw(
                number,
                date,
                drawnAt,
                name,
                kind == null ? Draw.RoundType.GENERAL : kind.roundType(),
                kind == null ? null : kind.program(),
                kind == null ? null : kind.category(),
                kind == null ? null : kind.categoryVersion(),
                programs == null ? List.of() : programs,
                invitations == null ? 1 : invitations,
                cutoff == null ? 0 : cutoff,
                tieBreakAt,
                pool,
                1,
                new Draw.Source(Draw.SourceKind.MANUAL, reference == null ? "api" : reference, now));
        // Rules on fields that could not even be read would only repeat the first error.
        for (FieldError rule : DrawRules.check(draw, now)) {
            if (errors.stream().noneMatch(e -> related(e.field(), rule.field()))) {
                errors.add(rule);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return draw;
    }

    private static boolean related(String a, String b) {
        return a.equals(b)
                || a.startsWith(b + ".")
                || a.startsWith(b + "[")
                || b.startsWith(a + ".")
                || b.startsWith(a + "[");
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    private String text(JsonNode node, String field, boolean required) {
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

    private Integer integer(JsonNode node, String field, boolean required) {
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

    private LocalDate date(JsonNode node, String field, boolean required) {
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

    private Instant instant(JsonNode node, String field) {
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

    private void agrees(JsonNode body, String field, Object derived) {
        JsonNode value = body.get(field);
        if (value == null) {
            return;
        }
        String given = value.isNull() ? null : value.asText();
        String expected = derived == null ? null : derived.toString();
        if (given == null ? expected != null : !given.equals(expected)) {
            error(field, "'" + given + "' does not match the round name, which means " + expected);
        }
    }

    private List<Program> programs(JsonNode body) {
        JsonNode value = body.get("eligiblePrograms");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            error("eligiblePrograms", "must be an array, was " + kind(value));
            return List.of();
        }
        List<Program> programs = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            try {
                programs.add(Program.valueOf(item.asText()));
            } catch (IllegalArgumentException e) {
                error(
                        "eligiblePrograms[" + i + "]",
                        "'" + item.asText() + "' is not one of " + Arrays.toString(Program.values()));
            }
        }
        return programs;
    }

    private Draw.Pool pool(JsonNode pool) {
        if (pool == null || pool.isNull()) {
            return null;
        }
        if (!pool.isObject()) {
            error("pool", "must be an object, was " + kind(pool));
            return null;
        }
        for (Iterator<String> names = pool.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!POOL_FIELDS.contains(name)) {
                error("pool." + name, "unknown field");
            }
        }
        prefix = "pool.";
        LocalDate asOf = date(pool, "asOf", true);
        Integer total = integer(pool, "total", false);
        prefix = "";
        JsonNode bandsNode = pool.get("bands");
        List<Draw.Band> bands = new ArrayList<>();
        if (bandsNode == null || !bandsNode.isArray()) {
            error("pool.bands", "is required: an array of {min, max, count}");
        } else {
            for (int i = 0; i < bandsNode.size(); i++) {
                JsonNode band = bandsNode.get(i);
                String at = "pool.bands[" + i + "]";
                if (!band.isObject()) {
                    error(at, "must be an object {min, max, count}");
                    continue;
                }
                for (Iterator<String> names = band.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!BAND_FIELDS.contains(name)) {
                        error(at + "." + name, "unknown field");
                    }
                }
                prefix = at + ".";
                Integer min = integer(band, "min", true);
                Integer max = integer(band, "max", true);
                Integer count = integer(band, "count", true);
                prefix = "";
                if (min != null && max != null && count != null) {
                    bands.add(new Draw.Band(min, max, count));
                }
            }
        }
        int sum = bands.stream().mapToInt(Draw.Band::count).sum();
        return new Draw.Pool(asOf, total == null ? sum : total, List.copyOf(bands));
    }

    private static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "the string \"" + value.asText() + "\"";
        }
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
