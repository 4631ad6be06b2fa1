package ca.eeradar.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.Draw.Band;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.localinfra.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real feed copy (438 rounds, #1 to #437), read without a database or broker. */
class IrccFeedParserTest {
    static final Draw.Source SOURCE =
            new Draw.Source(Draw.SourceKind.IRCC_FEED, "test", Instant.parse("2026-11-23T00:00:00Z"));
    static byte[] feed;
    static List<FeedRound> rounds;
    static Map<String, Draw> byNumber;

    @BeforeAll
    static void readFeed() throws IOException {
        feed = Files.readAllBytes(SharedData.path("data/ircc/ee_rounds_123_en.json"));
        rounds = IrccFeedParser.parse(feed, SOURCE);
        byNumber = rounds.stream()
                .filter(r -> r instanceof FeedRound.Parsed)
                .map(r -> ((FeedRound.Parsed) r).draw())
                .collect(Collectors.toMap(Draw::number, Function.identity()));
    }

    @Test
    void everyRoundOfTheFeedIsRead() {
        assertTrue(new String(feed, StandardCharsets.UTF_8).contains("\r\n"), "the copy has CRLF line endings");
        assertEquals(438, rounds.size());
        List<String> unreadable = rounds.stream()
                .filter(r -> r instanceof FeedRound.Unreadable)
                .map(r -> r.number() + ": " + ((FeedRound.Unreadable) r).reason())
                .toList();
        assertEquals(List.of(), unreadable);
        assertEquals(438, byNumber.size());
        assertTrue(byNumber.containsKey("91a") && byNumber.containsKey("91b") && !byNumber.containsKey("91"));
    }

    @Test
    void roundTypesAndCategoriesOfAllRounds() {
        Map<Draw.RoundType, Long> types = byNumber.values().stream()
                .collect(Collectors.groupingBy(
                        Draw::roundType, () -> new EnumMap<>(Draw.RoundType.class), Collectors.counting()));
        // 167 "No Program Specified" + 11 "General"; 67 CEC + 111 PNP + 7 FST + 1 FSW.
        assertEquals(
                Map.of(Draw.RoundType.GENERAL, 178L, Draw.RoundType.PROGRAM, 186L, Draw.RoundType.CATEGORY, 74L),
                types);
        Map<Category, Long> categories = byNumber.values().stream()
                .filter(d -> d.category() != null)
                .collect(Collectors.groupingBy(
                        Draw::category, () -> new EnumMap<>(Category.class), Collectors.counting()));
        assertEquals(36L, categories.get(Category.FRENCH_LANGUAGE));
        assertEquals(6L, categories.get(Category.HEALTHCARE));
        assertEquals(9L, categories.get(Category.HEALTHCARE_SOCIAL_SERVICES));
        assertEquals(6L, categories.get(Category.TRADES));
        assertEquals(4L, categories.get(Category.TRANSPORT));
        assertEquals(3L, categories.get(Category.STEM));
        assertEquals(3L, categories.get(Category.AGRICULTURE_AGRI_FOOD));
        assertEquals(2L, categories.get(Category.EDUCATION));
        assertEquals(2L, categories.get(Category.PHYSICIANS_CANADIAN_EXPERIENCE));
        assertEquals(2L, categories.get(Category.SENIOR_MANAGERS_CANADIAN_EXPERIENCE));
        assertEquals(1L, categories.get(Category.SKILLED_MILITARY_RECRUITS));
        assertNull(categories.get(Category.RESEARCHERS_CANADIAN_EXPERIENCE));
        assertTrue(byNumber.values().stream()
                .filter(d -> d.roundType() == Draw.RoundType.CATEGORY)
                .allMatch(d -> d.categoryVersion() != null && d.program() == null));
        assertTrue(byNumber.values().stream()
                .filter(d -> d.roundType() != Draw.RoundType.CATEGORY)
                .allMatch(d -> d.categoryVersion() == null && d.category() == null));
    }

    @Test
    void tieBreaksStartAtRound77AndPoolsAfterRound213() {
        for (Draw d : byNumber.values()) {
            int n = Integer.parseInt(d.number().replaceAll("[a-z]", ""));
            assertEquals(n >= 77, d.tieBreakAt() != null, "tie-break of #" + d.number());
            boolean zeros = n <= 213 || List.of(223, 224, 226, 227).contains(n);
            assertEquals(!zeros, d.pool() != null, "pool of #" + d.number());
            if (d.pool() != null) {
                assertEquals(15, d.pool().bands().size());
                assertEquals(
                        d.pool().total(),
                        d.pool().bands().stream().mapToInt(Band::count).sum());
            }
            assertNotNull(d.drawnAt(), "drawnAt of #" + d.number());
        }
    }

    /** number | date | roundType | program | category | version | ITAs | cutoff | drawnAt | tieBreakAt | pool as of | pool total */
    @ParameterizedTest(name = "#{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1   | 2015-01-31 | GENERAL  | -   | -                                   | -              | 779   | 886 | 2015-01-31T11:59:48Z | -                    | -          | -
            6   | 2015-03-27 | GENERAL  | -   | -                                   | -              | 1637  | 453 | 2015-03-27T23:59:47Z | -                    | -          | -
            38  | 2016-07-13 | GENERAL  | -   | -                                   | -              | 747   | 482 | 2016-07-13T13:56:45Z | -                    | -          | -
            76  | 2017-11-01 | PROGRAM  | FST | -                                   | -              | 505   | 241 | 2017-11-01T12:55:44Z | -                    | -          | -
            77  | 2017-11-08 | GENERAL  | -   | -                                   | -              | 2000  | 458 | 2017-11-08T13:40:54Z | 2017-10-23T15:58:27Z | -          | -
            82  | 2018-01-24 | GENERAL  | -   | -                                   | -              | 2750  | 444 | 2018-01-24T13:38:00Z | 2018-01-17T12:33:00Z | -          | -
            91a | 2018-05-30 | PROGRAM  | FST | -                                   | -              | 500   | 288 | 2018-05-30T14:52:06Z | 2017-06-07T20:11:13Z | -          | -
            91b | 2018-05-30 | PROGRAM  | PNP | -                                   | -              | 200   | 902 | 2018-05-30T14:52:06Z | 2018-03-23T05:38:02Z | -          | -
            104 | 2018-11-14 | GENERAL  | -   | -                                   | -              | 3900  | 449 | 2018-11-15T14:06:07Z | 2018-09-16T12:41:42Z | -          | -
            114 | 2019-04-03 | GENERAL  | -   | -                                   | -              | 3350  | 451 | 2019-04-03T17:37:40Z | 2019-01-09T07:35:09Z | -          | -
            176 | 2021-02-13 | PROGRAM  | CEC | -                                   | -              | 27332 | 75  | 2021-02-13T11:56:56Z | 2020-09-12T15:31:40Z | -          | -
            208 | 2021-10-27 | PROGRAM  | PNP | -                                   | -              | 681   | 744 | 2021-10-27T13:32:26Z | 2021-10-07T16:38:21Z | -          | -
            210 | 2021-11-24 | PROGRAM  | PNP | -                                   | -              | 613   | 737 | 2021-11-24T14:01:44Z | 2021-06-22T20:19:59Z | -          | -
            214 | 2022-01-19 | PROGRAM  | PNP | -                                   | -              | 1036  | 745 | 2022-01-19T14:39:22Z | 2021-07-05T13:12:05Z | 2022-01-17 | 196685
            215 | 2022-02-02 | PROGRAM  | PNP | -                                   | -              | 1070  | 674 | 2022-02-02T14:16:27Z | 2021-02-18T05:05:15Z | 2022-01-31 | 197660
            223 | 2022-05-25 | PROGRAM  | PNP | -                                   | -              | 590   | 741 | 2022-05-25T13:21:23Z | 2022-02-02T12:29:53Z | -          | -
            240 | 2023-02-02 | PROGRAM  | FSW | -                                   | -              | 3300  | 489 | -                    | 2022-03-29T16:09:00Z | -          | -
            242 | 2023-03-01 | PROGRAM  | PNP | -                                   | -              | 667   | 748 | 2023-03-01T17:24:39Z | 2022-12-12T10:48:12Z | 2023-03-01 | 243374
            244 | 2023-03-23 | GENERAL  | -   | -                                   | -              | 7000  | 484 | 2023-03-23T12:27:59Z | 2022-05-19T06:48:41Z | 2023-03-22 | 240146
            247 | 2023-04-26 | GENERAL  | -   | -                                   | -              | 3500  | 483 | 2023-04-26T18:10:04Z | 2023-04-22T19:46:58Z | 2023-04-26 | 230009
            252 | 2023-06-28 | CATEGORY | -   | HEALTHCARE                          | Version 1      | 500   | 476 | 2023-06-28T14:04:34Z | 2022-11-12T12:47:27Z | 2023-06-28 | 220003
            254 | 2023-07-05 | CATEGORY | -   | STEM                                | Version 1      | 500   | 486 | 2023-07-05T13:38:22Z | 2022-11-23T00:01:29Z | 2023-07-04 | 214529
            258 | 2023-07-12 | CATEGORY | -   | FRENCH_LANGUAGE                     | Version 1      | 3800  | 375 | 2023-07-12T13:36:01Z | 2023-06-15T23:49:05Z | 2023-07-11 | 209263
            261 | 2023-08-03 | CATEGORY | -   | TRADES                              | Version 1      | 1500  | 388 | 2023-08-03T13:24:52Z | 2023-06-07T07:03:08Z | 2023-08-01 | 211529
            262 | 2023-08-15 | GENERAL  | -   | -                                   | -              | 4300  | 496 | 2023-08-15T14:23:51Z | 2023-07-04T19:36:18Z | 2023-08-15 | 211356
            264 | 2023-09-20 | CATEGORY | -   | TRANSPORT                           | Version 1      | 1000  | 435 | 2023-09-20T14:04:14Z | 2023-06-17T06:44:01Z | 2023-09-19 | 216035
            267 | 2023-09-28 | CATEGORY | -   | AGRICULTURE_AGRI_FOOD               | Version 1      | 600   | 354 | 2023-09-28T16:45:09Z | 2023-06-12T10:23:21Z | 2023-09-26 | 214000
            270 | 2023-10-25 | CATEGORY | -   | FRENCH_LANGUAGE                     | Version 1      | 300   | 486 | 2023-10-25T15:48:39Z | 2023-09-30T04:22:17Z | 2023-10-23 | 214873
            272 | 2023-12-06 | GENERAL  | -   | -                                   | -              | 4750  | 561 | -                    | 2023-11-08T06:00:13Z | -          | -
            277 | 2023-12-20 | CATEGORY | -   | TRANSPORT                           | Version 1      | 670   | 435 | 2023-12-20T15:55:23Z | 2023-08-30T17:30:21Z | 2023-12-17 | 208638
            297 | 2024-05-31 | PROGRAM  | CEC | -                                   | -              | 3000  | 522 | 2024-05-31T12:48:30Z | 2024-03-19T18:58:58Z | 2024-05-29 | 224404
            310 | 2024-08-15 | CATEGORY | -   | FRENCH_LANGUAGE                     | Version 1      | 2000  | 394 | 2024-08-15T15:11:54Z | 2024-07-07T09:46:10Z | 2024-08-14 | 207960
            322 | 2024-11-12 | PROGRAM  | PNP | -                                   | -              | 733   | 812 | 2024-11-12T16:12:30Z | 2024-03-02T01:58:34Z | 2024-11-11 | 216735
            333 | 2025-01-23 | PROGRAM  | CEC | -                                   | -              | 4000  | 527 | 2025-01-23T15:30:04Z | 2024-07-23T07:06:43Z | 2025-01-23 | 232924
            344 | 2025-05-01 | CATEGORY | -   | EDUCATION                           | Version 1      | 1000  | 479 | -                    | 2024-08-10T10:35:55Z | -          | -
            357 | 2025-07-22 | CATEGORY | -   | HEALTHCARE_SOCIAL_SERVICES          | Version 2      | 4000  | 475 | 2025-07-12T16:27:45Z | 2025-03-13T13:08:29Z | 2025-07-20 | 256914
            368 | 2025-09-18 | CATEGORY | -   | TRADES                              | Version 2      | 1250  | 505 | -                    | 2024-11-05T22:36:09Z | -          | -
            373 | 2025-10-15 | CATEGORY | -   | HEALTHCARE_SOCIAL_SERVICES          | Version 2      | 2500  | 472 | 2025-10-15T15:55:18Z | 2025-05-12T23:17:30Z | 2025-10-13 | 248342
            383 | 2025-12-08 | PROGRAM  | PNP | -                                   | -              | 1123  | 729 | 2025-12-08T15:17:10Z | 2025-03-05T05:10:48Z | 2025-12-07 | 242379
            386 | 2025-12-15 | PROGRAM  | PNP | -                                   | -              | 399   | 731 | 2025-12-15T14:39:41Z | 2025-10-18T07:18:52Z | 2025-12-15 | 237302
            389 | 2026-01-05 | PROGRAM  | PNP | -                                   | -              | 574   | 711 | 2026-01-05T13:51:42Z | 2025-10-06T01:54:31Z | 2026-01-04 | 236554
            390 | 2026-01-07 | PROGRAM  | CEC | -                                   | -              | 8000  | 511 | 2026-01-07T15:20:33Z | 2025-06-10T15:59:25Z | 2026-01-04 | 236554
            392 | 2026-01-21 | PROGRAM  | CEC | -                                   | -              | 6000  | 509 | 2026-01-21T12:37:42Z | 2025-10-29T04:35:24Z | 2026-01-19 | 237120
            395 | 2026-02-16 | PROGRAM  | PNP | -                                   | -              | 279   | 789 | 2026-02-16T14:28:06Z | 2025-09-05T00:59:13Z | 2026-02-15 | 235695
            397 | 2026-02-19 | CATEGORY | -   | PHYSICIANS_CANADIAN_EXPERIENCE      | 2026-Version 1 | 391   | 169 | 2026-02-19T14:24:23Z | 2026-01-03T03:25:14Z | 2026-02-15 | 235695
            402 | 2026-03-05 | CATEGORY | -   | SENIOR_MANAGERS_CANADIAN_EXPERIENCE | 2026-Version 1 | 250   | 429 | 2026-03-05T11:49:49Z | 2025-08-19T15:10:18Z | 2026-03-01 | 232534
            408 | 2026-04-02 | CATEGORY | -   | TRADES                              | 2026-Version 3 | 3000  | 477 | 2026-04-02T13:39:04Z | 2026-02-14T20:53:54Z | 2026-03-29 | 230186
            412 | 2026-04-27 | PROGRAM  | PNP | -                                   | -              | 473   | 795 | 2026-04-27T10:47:44Z | 2026-04-13T23:10:05Z | 2026-04-26 | 234452
            422 | 2026-06-25 | CATEGORY | -   | HEALTHCARE_SOCIAL_SERVICES          | 2026-Version 3 | 4000  | 475 | 2026-06-25T13:51:43Z | 2026-05-21T12:14:09Z | 2026-06-21 | 239645
            430 | 2026-07-23 | CATEGORY | -   | SKILLED_MILITARY_RECRUITS           | 2026-Version 1 | 4     | 368 | 2026-07-23T10:19:47Z | 2026-06-02T20:11:26Z | 2026-07-19 | 231533
            432 | 2026-08-05 | PROGRAM  | CEC | -                                   | -              | 3000  | 516 | 2026-08-05T10:41:26Z | 2026-07-03T21:35:13Z | 2026-08-03 | 229100
            434 | 2026-08-07 | CATEGORY | -   | TRANSPORT                           | 2026-Version 2 | 300   | 470 | 2026-08-07T10:08:20Z | 2025-10-11T14:55:49Z | 2026-08-03 | 229100
            437 | 2026-08-19 | CATEGORY | -   | FRENCH_LANGUAGE                     | 2026-Version 2 | 5000  | 382 | 2026-08-19T12:35:37Z | 2026-03-01T18:34:05Z | 2026-08-16 | 226859
            """)
    void factsOfChosenRounds(
            String number,
            LocalDate date,
            Draw.RoundType type,
            Program program,
            Category category,
            String version,
            int invitations,
            int cutoff,
            Instant drawnAt,
            Instant tieBreakAt,
            LocalDate poolAsOf,
            Integer poolTotal) {
        Draw d = byNumber.get(number);
        assertNotNull(d, "round " + number);
        assertEquals(date, d.date());
        assertEquals(type, d.roundType());
        assertEquals(program, d.program());
        assertEquals(category, d.category());
        assertEquals(version, d.categoryVersion());
        assertEquals(invitations, d.invitations());
        assertEquals(cutoff, d.crsCutoff());
        if (drawnAt != null) {
            assertEquals(drawnAt, d.drawnAt());
        }
        assertEquals(tieBreakAt, d.tieBreakAt());
        if (poolTotal == null) {
            if (poolAsOf == null && Integer.parseInt(number.replaceAll("[a-z]", "")) < 240) {
                assertNull(d.pool());
            }
        } else {
            assertEquals(poolAsOf, d.pool().asOf());
            assertEquals(poolTotal, d.pool().total());
        }
        assertEquals(1, d.revision());
    }

    @Test
    void poolBandsAreTheNonOverlappingOnes() {
        Draw d = byNumber.get("392");
        assertEquals(
                List.of(601, 501, 491, 481, 471, 461, 451, 441, 431, 421, 411, 401, 351, 301, 0),
                d.pool().bands().stream().map(Band::min).toList());
        assertEquals(13278, d.pool().bands().get(2).count());
        assertEquals(new Band(491, 500, 13278), d.pool().bands().get(2));
        // #247: IRCC's dd3 subtotal (55,867) is a typo for 55,687 and its dd18 (230,189) was added up from it.
        Draw r247 = byNumber.get("247");
        assertEquals(new Band(491, 500, 680), r247.pool().bands().get(2));
        assertEquals(
                55_687,
                r247.pool().bands().subList(2, 7).stream().mapToInt(Band::count).sum());
        assertEquals(230_009, r247.pool().total());
        assertTrue(r247.pool().bands().stream().noneMatch(b -> b.min() == 451 && b.max() == 500));
    }

    @Test
    void eligibleProgramsComeFromDrawText2() {
        assertEquals(
                List.of(Program.FSW, Program.CEC, Program.FST),
                byNumber.get("437").eligiblePrograms());
        assertEquals(
                List.of(Program.FSW, Program.CEC, Program.FST, Program.PNP),
                byNumber.get("1").eligiblePrograms());
        assertEquals(List.of(Program.CEC), byNumber.get("392").eligiblePrograms());
        assertEquals(List.of(Program.PNP), byNumber.get("91b").eligiblePrograms());
        assertEquals(List.of(Program.FST), byNumber.get("91a").eligiblePrograms());
        assertEquals(List.of(Program.FSW), byNumber.get("240").eligiblePrograms());
        assertEquals(
                "Healthcare and Social Services Occupations, 2026-Version 3",
                byNumber.get("422").name());
    }

    @Test
    void windows1252FeedWithSpaceSeparatorsAndFrenchDates() {
        String round =
                "{\"rounds\":[{\"drawNumber\":\"438\",\"drawDate\":\"2026-08-20\",\"drawName\":\"French-Language "
                        + "proficiency 2026-Version 2\",\"drawSize\":\"5\u00A0000\",\"drawCRS\":\"381\",\"drawText2\":\"Federal Skilled "
                        + "Worker Program, Canadian Experience Class and Federal Skilled Trades Program\",\"drawDateTime\":\"20 août "
                        + "2026 à 12:35:37 UTC\",\"drawCutOff\":\"\",\"drawDistributionAsOn\":\"16 août 2026\"}]}\r\n";
        byte[] cp1252 = round.getBytes(Charset.forName("windows-1252"));
        List<FeedRound> parsed = IrccFeedParser.parse(cp1252, SOURCE);
        Draw d = assertInstanceOf(FeedRound.Parsed.class, parsed.get(0)).draw();
        assertEquals(5000, d.invitations());
        assertEquals(Instant.parse("2026-08-20T12:35:37Z"), d.drawnAt());
        assertEquals(Category.FRENCH_LANGUAGE, d.category());
        // The same document in UTF-8 (with a byte-order mark) reads the same.
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        utf8.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        utf8.writeBytes(round.getBytes(StandardCharsets.UTF_8));
        assertEquals(
                d,
                ((FeedRound.Parsed)
                                IrccFeedParser.parse(utf8.toByteArray(), SOURCE).get(0))
                        .draw());
    }

    @Test
    void aBadRoundIsUnreadableWithEveryReasonAndTheOthersAreRead() {
        String doc = """
                {"classes":"wb-tables","rounds":[
                 {"drawNumber":"500","drawDate":"2026-09-01","drawName":"Lottery of the Month","drawSize":"5,0x0","drawCRS":"",
                  "drawText2":"Canadian Experience Class","drawDateTime":"sometime soon","drawCutOff":"February 30, 2026 at 10:00:00 UTC"},
                 {"drawNumber":{"n":1},"drawDate":"2026-09-01"},
                 "not a round",
                 {"drawNumber":"501","drawDate":"2026-09-02","drawName":"Canadian Experience Class","drawSize":"1,000","drawCRS":"520",
                  "drawText2":"Canadian Experience Class","drawDateTime":"September 2, 2026 at 10:00:00 UTC","drawCutOff":""},
                 {"drawNumber":"501","drawDate":"2026-09-02","drawName":"Canadian Experience Class","drawSize":"1,000","drawCRS":"520",
                  "drawText2":"Canadian Experience Class","drawDateTime":"September 2, 2026 at 10:00:00 UTC","drawCutOff":""}
                ]}""";
        List<FeedRound> parsed = IrccFeedParser.parse(doc.getBytes(StandardCharsets.UTF_8), SOURCE);
        assertEquals(5, parsed.size());
        String reason =
                assertInstanceOf(FeedRound.Unreadable.class, parsed.get(0)).reason();
        for (String field : List.of(
                "drawName: unknown round name 'Lottery of the Month'",
                "drawSize: '5,0x0' is not a whole number",
                "drawCRS: missing",
                "drawDateTime:",
                "drawCutOff: 'February 30, 2026 at 10:00:00 UTC' is not a real date")) {
            assertTrue(reason.contains(field), reason + " should contain " + field);
        }
        assertTrue(assertInstanceOf(FeedRound.Unreadable.class, parsed.get(1))
                .reason()
                .contains("drawNumber: expected text"));
        assertEquals("round: not a JSON object", ((FeedRound.Unreadable) parsed.get(2)).reason());
        assertEquals(
                520,
                assertInstanceOf(FeedRound.Parsed.class, parsed.get(3)).draw().crsCutoff());
        assertTrue(assertInstanceOf(FeedRound.Unreadable.class, parsed.get(4))
                .reason()
                .contains("more than once"));
    }

    @Test
    void aDocumentThatIsNotAFeedIsRefusedWhole() {
        assertEquals(
                "body",
                assertThrows(
                                FeedFormatException.class,
                                () -> IrccFeedParser.parse("<html>".getBytes(StandardCharsets.UTF_8), SOURCE))
                        .field());
        assertEquals(
                "rounds",
                assertThrows(
                                FeedFormatException.class,
                                () -> IrccFeedParser.parse("{\"rounds\":{}}".getBytes(StandardCharsets.UTF_8), SOURCE))
                        .field());
        assertEquals(
                "body",
                assertThrows(
                                FeedFormatException.class,
                                () -> IrccFeedParser.parse("[1,2]".getBytes(StandardCharsets.UTF_8), SOURCE))
                        .field());
    }
}
