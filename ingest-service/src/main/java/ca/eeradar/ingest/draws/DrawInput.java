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
import java.util.ArrayList;
import java.util.Arrays;
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

    private final BodyFields fields = new BodyFields();
    private final List<FieldError> errors = fields.errors;

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
        fields.unknown(body, FIELDS, "");
        String number = fields.text(body, "number", pathNumber == null);
        if (number != null) {
            number = number.strip().toLowerCase(Locale.ROOT);
        }
        if (pathNumber != null) {
            String path = pathNumber.strip().toLowerCase(Locale.ROOT);
            if (number != null && !number.equals(path)) {
                fields.error("number", "'" + number + "' does not match the round in the path, " + path);
            }
            number = path;
        }
        LocalDate date = fields.date(body, "date", true);
        Instant drawnAt = fields.instant(body, "drawnAt");
        String name = fields.text(body, "name", true);
        RoundKind kind = null;
        if (name != null) {
            name = name.strip().replaceAll("\\s+", " ");
            kind = RoundNames.classify(name).orElse(null);
            if (kind == null) {
                fields.error("name", "unknown round name '" + name + "'");
            }
        }
        if (kind != null) {
            agrees(body, "roundType", kind.roundType());
            agrees(body, "program", kind.program());
            agrees(body, "category", kind.category());
            agrees(body, "categoryVersion", kind.categoryVersion());
        }
        Integer invitations = fields.integer(body, "invitations", true);
        Integer cutoff = fields.integer(body, "crsCutoff", true);
        Instant tieBreakAt = fields.instant(body, "tieBreakAt");
        List<Program> programs = programs(body);
        Draw.Pool pool = pool(body.get("pool"));
        String reference = fields.text(body, "reference", false);
        if (reference == null && body.path("source").isObject()) {
            reference = body.path("source").path("reference").asText(null);
        }
        // An unreadable name is already an error; the rules still check the other fields, on a general round.
        RoundKind checked = kind == null ? new RoundKind(Draw.RoundType.GENERAL, null, null, null) : kind;
        Draw draw = checked.firstRevision(
                number,
                date,
                drawnAt,
                name,
                programs,
                invitations == null ? 1 : invitations,
                cutoff == null ? 0 : cutoff,
                tieBreakAt,
                pool,
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

    private void agrees(JsonNode body, String field, Object derived) {
        JsonNode value = body.get(field);
        if (value == null) {
            return;
        }
        String given = value.isNull() ? null : value.asText();
        String expected = derived == null ? null : derived.toString();
        if (given == null ? expected != null : !given.equals(expected)) {
            fields.error(field, "'" + given + "' does not match the round name, which means " + expected);
        }
    }

    private List<Program> programs(JsonNode body) {
        JsonNode value = body.get("eligiblePrograms");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            fields.error("eligiblePrograms", "must be an array, was " + BodyFields.kind(value));
            return List.of();
        }
        List<Program> programs = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            try {
                programs.add(Program.valueOf(item.asText()));
            } catch (IllegalArgumentException e) {
                fields.error(
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
            fields.error("pool", "must be an object, was " + BodyFields.kind(pool));
            return null;
        }
        fields.unknown(pool, POOL_FIELDS, "pool.");
        fields.at("pool.");
        LocalDate asOf = fields.date(pool, "asOf", true);
        Integer total = fields.integer(pool, "total", false);
        fields.at("");
        JsonNode bandsNode = pool.get("bands");
        List<Draw.Band> bands = new ArrayList<>();
        if (bandsNode == null || !bandsNode.isArray()) {
            fields.error("pool.bands", "is required: an array of {min, max, count}");
        } else {
            for (int i = 0; i < bandsNode.size(); i++) {
                JsonNode band = bandsNode.get(i);
                String at = "pool.bands[" + i + "]";
                if (!band.isObject()) {
                    fields.error(at, "must be an object {min, max, count}");
                    continue;
                }
                fields.unknown(band, BAND_FIELDS, at + ".");
                fields.at(at + ".");
                Integer min = fields.integer(band, "min", true);
                Integer max = fields.integer(band, "max", true);
                Integer count = fields.integer(band, "count", true);
                fields.at("");
                if (min != null && max != null && count != null) {
                    bands.add(new Draw.Band(min, max, count));
                }
            }
        }
        int sum = bands.stream().mapToInt(Draw.Band::count).sum();
        return new Draw.Pool(asOf, total == null ? sum : total, List.copyOf(bands));
    }
}
