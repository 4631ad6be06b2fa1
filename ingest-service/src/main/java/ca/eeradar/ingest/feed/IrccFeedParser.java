package ca.eeradar.ingest.feed;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.Draw.Band;
import ca.eeradar.contracts.Draw.Pool;
import ca.eeradar.contracts.rounds.RoundKind;
import ca.eeradar.contracts.rounds.RoundNames;
import ca.eeradar.contracts.rules.CrsScale;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.contracts.rules.RoundNumber;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads IRCC's rounds feed ({@code {"classes": "wb-tables", "rounds": [...]}}, docs/crs-rules.md#rounds-feed) into draws.
 * Every value of the feed is a string; a round that cannot be read becomes {@link FeedRound.Unreadable} with
 * every reason at once, and the other rounds are still read. Domain rules (a date in the future, a cutoff above
 * 1,200) are not checked here but by {@code DrawRules}, the same for the feed and the API.
 */
public final class IrccFeedParser {
    private static final Logger LOG = Logger.getLogger(IrccFeedParser.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * dd1..dd17 as CRS bands. dd3 (451-500) and dd9 (401-450) are subtotals of dd4-dd8 and dd10-dd14, and dd18
     * is the total: they are never bands, or every sum would count those profiles twice.
     */
    private static final int[][] BANDS = {
        {1, 601, CrsScale.MAX},
        {2, 501, 600},
        {4, 491, 500},
        {5, 481, 490},
        {6, 471, 480},
        {7, 461, 470},
        {8, 451, 460},
        {10, 441, 450},
        {11, 431, 440},
        {12, 421, 430},
        {13, 411, 420},
        {14, 401, 410},
        {15, 351, 400},
        {16, 301, 350},
        {17, 0, 300}
    };

    private IrccFeedParser() {}

    /**
     * @throws FeedFormatException when the document is not JSON or has no "rounds" array
     */
    public static List<FeedRound> parse(byte[] document, Draw.Source source) {
        JsonNode root;
        try {
            root = JSON.readTree(FeedText.decode(document));
        } catch (JsonProcessingException e) {
            throw new FeedFormatException("body", "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FeedFormatException(
                    "body", "not an IRCC rounds feed: expected an object with a \"rounds\" array");
        }
        JsonNode rounds = root.get("rounds");
        if (rounds == null || !rounds.isArray()) {
            throw new FeedFormatException("rounds", "missing or not an array");
        }
        List<FeedRound> result = new ArrayList<>(rounds.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode node : rounds) {
            FeedRound round = round(node, source);
            if (round instanceof FeedRound.Parsed p && !seen.add(p.number())) {
                round = new FeedRound.Unreadable(
                        p.number(), p.raw(), "drawNumber: round " + p.number() + " appears more than once in the feed");
            }
            result.add(round);
        }
        return result;
    }

    static FeedRound round(JsonNode node, Draw.Source source) {
        String raw = node.toString();
        if (!node.isObject()) {
            return new FeedRound.Unreadable(null, raw, "round: not a JSON object");
        }
        Fields f = new Fields(node);
        String number = f.text("drawNumber");
        if (number != null) {
            number = number.strip().toLowerCase(java.util.Locale.ROOT);
            if (!RoundNumber.isValid(number)) {
                f.problem("drawNumber", "'" + number + "' is not a round number");
            }
        } else {
            f.problem("drawNumber", "missing");
        }
        LocalDate date = f.date();
        String name = f.text("drawName");
        RoundKind kind = null;
        if (name == null || name.isBlank()) {
            f.problem("drawName", "missing");
        } else {
            name = name.strip().replaceAll("\\s+", " ");
            kind = RoundNames.classify(name).orElse(null);
            if (kind == null) {
                f.problem("drawName", "unknown round name '" + name + "'");
            }
        }
        List<Program> programs = List.of();
        String text2 = f.text("drawText2");
        try {
            programs = RoundNames.programs(text2);
        } catch (IllegalArgumentException e) {
            f.problem("drawText2", e.getMessage());
        }
        Integer invitations = f.count("drawSize", true);
        Integer cutoff = f.count("drawCRS", true);
        Instant drawnAt = f.instant("drawDateTime", date);
        Instant tieBreakAt = f.instant("drawCutOff", date);
        Pool pool = pool(f, number, date);
        if (!f.problems.isEmpty()) {
            return new FeedRound.Unreadable(number, raw, String.join("; ", f.problems));
        }
        Draw draw = kind.firstRevision(
                number, date, drawnAt, name, programs, invitations, cutoff, tieBreakAt, pool, source);
        return new FeedRound.Parsed(number, raw, draw);
    }

    private static Pool pool(Fields f, String number, LocalDate date) {
        boolean any = false;
        for (int i = 1; i <= 18; i++) {
            any |= f.node.has("dd" + i);
        }
        if (!any) {
            return null;
        }
        List<Band> bands = new ArrayList<>(BANDS.length);
        int sum = 0;
        boolean complete = true;
        for (int[] band : BANDS) {
            Integer count = f.count("dd" + band[0], true);
            if (count == null) {
                complete = false;
                continue;
            }
            bands.add(new Band(band[1], band[2], count));
            sum += count;
        }
        Integer published = f.count("dd18", false);
        if (!complete) {
            return null;
        }
        if (sum == 0 && (published == null || published == 0)) {
            return null; // IRCC publishes zeros when it published no distribution (up to #213, #223, #224, #226, #227)
        }
        LocalDate asOf = null;
        try {
            asOf = FeedTimestamps.date(f.text("drawDistributionAsOn"), date);
        } catch (IllegalArgumentException e) {
            f.problem("drawDistributionAsOn", e.getMessage());
            return null;
        }
        if (asOf == null) {
            f.problem("drawDistributionAsOn", "missing while dd1-dd18 are published");
            return null;
        }
        if (published != null && published != sum) {
            // #247: IRCC's dd3 subtotal is a typo (55,867 for 55,687) and its dd18 was added up from it; the
            // bands are right, so the total is their sum.
            LOG.warnf(
                    "round %s: published pool total dd18=%d differs from the sum of the bands %d; using the sum",
                    number, published, sum);
        }
        return new Pool(asOf, sum, List.copyOf(bands));
    }

    /** Reads fields of one round, collecting every problem instead of stopping at the first. */
    private static final class Fields {
        final JsonNode node;
        final List<String> problems = new ArrayList<>();

        Fields(JsonNode node) {
            this.node = node;
        }

        void problem(String field, String message) {
            problems.add(field + ": " + message);
        }

        String text(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isValueNode()) {
                problem(field, "expected text, got " + (value.isArray() ? "an array" : "an object"));
                return null;
            }
            return value.asText();
        }

        Integer count(String field, boolean required) {
            JsonNode value = node.get(field);
            String text = text(field);
            if (value != null && value.isContainerNode()) {
                return null;
            }
            if (text == null || text.isBlank()) {
                if (required) {
                    problem(field, "missing");
                }
                return null;
            }
            try {
                return FeedNumbers.parse(text);
            } catch (IllegalArgumentException e) {
                problem(field, e.getMessage());
                return null;
            }
        }

        LocalDate date() {
            String iso = text("drawDate");
            if (iso != null && !iso.isBlank()) {
                try {
                    return LocalDate.parse(iso.strip());
                } catch (DateTimeParseException e) {
                    problem("drawDate", "'" + iso + "' is not a date (yyyy-MM-dd)");
                    return null;
                }
            }
            try {
                LocalDate full = FeedTimestamps.date(text("drawDateFull"), null);
                if (full == null) {
                    problem("drawDate", "missing");
                }
                return full;
            } catch (IllegalArgumentException e) {
                problem("drawDate", "missing, and drawDateFull " + e.getMessage());
                return null;
            }
        }

        Instant instant(String field, LocalDate reference) {
            try {
                return FeedTimestamps.instant(text(field), reference);
            } catch (IllegalArgumentException e) {
                problem(field, e.getMessage());
                return null;
            }
        }
    }
}
