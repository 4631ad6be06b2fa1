package ca.eeradar.forecast.backtest;

import ca.eeradar.contracts.rounds.RoundNames;
import ca.eeradar.contracts.rounds.RoundStream;
import ca.eeradar.forecast.PastRound;
import ca.eeradar.forecast.RoundHistory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rounds of an IRCC feed document ({"rounds": [...]}), read for the backtest: number, date, name (classified by
 * the shared {@link RoundNames}) and cutoff. Ingest's parser is not reused because it logs through JBoss Logging
 * and validates much more than the forecast needs; every round of the feed is an IRCC round in its latest revision.
 */
public final class FeedRounds {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedRounds() {}

    public static RoundHistory read(Path feed) throws IOException {
        String text = new String(Files.readAllBytes(feed), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JsonNode rounds = JSON.readTree(text).get("rounds");
        if (rounds == null || !rounds.isArray()) {
            throw new IOException(feed + " is not an IRCC rounds feed: no \"rounds\" array");
        }
        Map<String, PastRound> byNumber = new LinkedHashMap<>();
        for (JsonNode round : rounds) {
            String number = round.path("drawNumber").asText().strip();
            String name = round.path("drawName").asText();
            RoundStream stream = RoundNames.classify(name)
                    .map(RoundStream::of)
                    .orElseThrow(() -> new IOException("round " + number + ": unknown round name '" + name + "'"));
            LocalDate date = LocalDate.parse(round.path("drawDate").asText().strip());
            int cutoff = Integer.parseInt(round.path("drawCRS").asText().replaceAll("[,\\s]", ""));
            byNumber.put(number, new PastRound(date, stream, cutoff));
        }
        return RoundHistory.of(byNumber.values());
    }
}
