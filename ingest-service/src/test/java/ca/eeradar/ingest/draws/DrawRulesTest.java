package ca.eeradar.ingest.draws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.ingest.feed.FeedRound;
import ca.eeradar.ingest.feed.IrccFeedParser;
import ca.eeradar.kit.Problem.FieldError;
import ca.eeradar.localinfra.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrawRulesTest {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Draw.Source SOURCE = new Draw.Source(Draw.SourceKind.MANUAL, "test", NOW);

    static Draw draw(LocalDate date, int invitations, int cutoff, Instant drawnAt, Instant tieBreakAt, Draw.Pool pool) {
        return new Draw(
                "500",
                date,
                drawnAt,
                "Canadian Experience Class",
                Draw.RoundType.PROGRAM,
                Program.CEC,
                null,
                null,
                List.of(Program.CEC),
                invitations,
                cutoff,
                tieBreakAt,
                pool,
                1,
                SOURCE);
    }

    @Test
    void everyRoundOfTheFeedKeepsTheRules() throws IOException {
        List<FeedRound> rounds =
                IrccFeedParser.parse(Files.readAllBytes(SharedData.path("data/ircc/ee_rounds_123_en.json")), SOURCE);
        for (FeedRound r : rounds) {
            assertEquals(List.of(), DrawRules.check(((FeedRound.Parsed) r).draw(), NOW), "round " + r.number());
        }
    }

    @Test
    void aValidRoundHasNoErrors() {
        assertEquals(
                List.of(),
                DrawRules.check(
                        draw(
                                LocalDate.of(2026, 11, 23),
                                3000,
                                516,
                                Instant.parse("2026-11-23T11:00:00Z"),
                                Instant.parse("2026-07-03T21:35:13Z"),
                                null),
                        NOW));
    }

    @Test
    void everyBrokenRuleIsNamed() {
        Draw.Pool pool = new Draw.Pool(
                LocalDate.of(2026, 12, 1), 10, List.of(new Draw.Band(601, 1200, 5), new Draw.Band(500, 650, -1)));
        List<String> fields = DrawRules.check(
                        draw(
                                LocalDate.of(2026, 11, 24),
                                -5,
                                1201,
                                Instant.parse("2026-11-24T10:00:00Z"),
                                Instant.parse("2026-11-25T10:00:00Z"),
                                pool),
                        NOW)
                .stream()
                .map(FieldError::field)
                .toList();
        assertEquals(
                List.of(
                        "invitations",
                        "crsCutoff",
                        "pool.bands[1].count",
                        "pool.bands[1]",
                        "pool.total",
                        "date",
                        "drawnAt",
                        "tieBreakAt",
                        "pool.asOf"),
                fields);
    }

    @Test
    void aTieBreakAfterTheRoundRanIsRefused() {
        List<FieldError> errors = DrawRules.check(
                draw(
                        LocalDate.of(2026, 11, 2),
                        10,
                        500,
                        Instant.parse("2026-11-02T10:00:00Z"),
                        Instant.parse("2026-11-02T10:00:01Z"),
                        null),
                NOW);
        assertEquals("tieBreakAt", errors.get(0).field());
    }
}
