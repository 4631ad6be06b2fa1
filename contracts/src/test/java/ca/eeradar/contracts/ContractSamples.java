package ca.eeradar.contracts;

import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Sample payloads built from the records, modelled on real rounds of the IRCC feed. */
final class ContractSamples {
    private ContractSamples() {}

    /** The facts of #392: a PROGRAM round with a tie-break and a pool (band counts invented, total = their sum). */
    static Draw programRound() {
        List<Draw.Band> bands = List.of(
                new Draw.Band(601, 1200, 692),
                new Draw.Band(501, 600, 21_534),
                new Draw.Band(491, 500, 13_218),
                new Draw.Band(481, 490, 12_587),
                new Draw.Band(471, 480, 12_107),
                new Draw.Band(461, 470, 16_327),
                new Draw.Band(451, 460, 14_760),
                new Draw.Band(441, 450, 13_591),
                new Draw.Band(431, 440, 13_104),
                new Draw.Band(421, 430, 13_089),
                new Draw.Band(411, 420, 13_410),
                new Draw.Band(401, 410, 10_768),
                new Draw.Band(351, 400, 49_869),
                new Draw.Band(301, 350, 26_110),
                new Draw.Band(0, 300, 5_964));
        int total = bands.stream().mapToInt(Draw.Band::count).sum();
        return new Draw(
                "392",
                LocalDate.parse("2026-01-21"),
                Instant.parse("2026-01-21T15:20:33Z"),
                "Canadian Experience Class",
                Draw.RoundType.PROGRAM,
                Program.CEC,
                null,
                null,
                List.of(Program.CEC),
                6000,
                509,
                Instant.parse("2025-10-29T04:35:24Z"),
                new Draw.Pool(LocalDate.parse("2026-01-19"), total, bands),
                1,
                new Draw.Source(
                        Draw.SourceKind.IRCC_FEED,
                        "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json",
                        Instant.parse("2026-01-21T16:00:00Z")));
    }

    /** #1: a general round before tie-breaks and pool distributions were published; every nullable is null. */
    static Draw earlyGeneralRound() {
        return new Draw(
                "1",
                LocalDate.parse("2015-01-31"),
                null,
                "No Program Specified",
                Draw.RoundType.GENERAL,
                null,
                null,
                null,
                List.of(),
                779,
                886,
                null,
                null,
                1,
                new Draw.Source(Draw.SourceKind.MANUAL, null, Instant.parse("2026-11-23T09:00:00Z")));
    }

    /** #422: a CATEGORY round with a version. */
    static Draw categoryRound() {
        return new Draw(
                "422",
                LocalDate.parse("2026-06-25"),
                Instant.parse("2026-06-25T14:02:11Z"),
                "Healthcare and Social Services Occupations, 2026-Version 3",
                Draw.RoundType.CATEGORY,
                null,
                Category.HEALTHCARE_SOCIAL_SERVICES,
                "2026-Version 3",
                List.of(Program.FSW, Program.CEC, Program.FST),
                4000,
                475,
                Instant.parse("2026-05-21T12:14:09Z"),
                null,
                1,
                new Draw.Source(Draw.SourceKind.IRCC_FEED, "feed", Instant.parse("2026-06-25T15:00:00Z")));
    }

    /** #91a: the round number is text. */
    static Draw lettered() {
        return new Draw(
                "91a",
                LocalDate.parse("2018-05-30"),
                Instant.parse("2018-05-30T15:20:00Z"),
                "Provincial Nominee Program",
                Draw.RoundType.PROGRAM,
                Program.PNP,
                null,
                null,
                List.of(Program.PNP),
                200,
                902,
                Instant.parse("2018-01-04T16:45:07Z"),
                null,
                1,
                new Draw.Source(Draw.SourceKind.IRCC_FEED, "feed", Instant.parse("2026-11-23T09:00:00Z")));
    }

    static Draw corrected() {
        return programRound()
                .withRevision(
                        2,
                        new Draw.Source(
                                Draw.SourceKind.MANUAL,
                                "cutoff corrected by IRCC",
                                Instant.parse("2026-01-22T10:00:00Z")));
    }

    static InvitationLikely atTheCutoff() {
        return new InvitationLikely(
                "392",
                1,
                LocalDate.parse("2026-01-21"),
                "c-7f3a9",
                509,
                509,
                0,
                InvitationLikely.TieBreak.WON,
                "PROGRAM:CEC",
                "2025-03-25",
                Instant.parse("2026-01-21T16:00:05Z"));
    }

    static InvitationLikely aboveTheCutoff() {
        return new InvitationLikely(
                "422",
                1,
                LocalDate.parse("2026-06-25"),
                "c-001",
                501,
                475,
                26,
                InvitationLikely.TieBreak.NOT_NEEDED,
                "CATEGORY:HEALTHCARE_SOCIAL_SERVICES/2026-Version 3",
                "2025-03-25",
                Instant.parse("2026-06-25T15:00:05Z"));
    }

    static InvitationLikely noTieBreakPublished() {
        return new InvitationLikely(
                "1",
                1,
                LocalDate.parse("2015-01-31"),
                "c-002",
                886,
                886,
                0,
                InvitationLikely.TieBreak.UNKNOWN,
                "GENERAL",
                "2015-01-01",
                Instant.parse("2026-11-23T09:00:05Z"));
    }

    static DrawEvaluated evaluation() {
        return new DrawEvaluated("392", 1, 1_000_000L, 412_345L, 6_012L, 4_210L);
    }

    /** Scored on 2026-11-23, published as of the 1st of that month. */
    static CandidateScored scored() {
        return new CandidateScored(
                "c-7f3a9",
                3,
                LocalDate.parse("2026-11-01"),
                509,
                new CandidateScored.Sections(430, 0, 50, 29),
                "2025-03-25",
                List.of(Program.CEC, Program.FSW),
                List.of(new CandidateScored.CategoryEligibility(Category.STEM, "2026-Version 1")),
                List.of("rule set 2026-11-03 is not fully confirmed"),
                Instant.parse("2026-11-23T09:00:00Z"));
    }

    /** A retired v1 record as the compacted topic may still hold one: its timeline gives a birthday. */
    static CandidateScoredV1 scoredV1() {
        return new CandidateScoredV1(
                "c-7f3a9",
                2,
                LocalDate.parse("2026-11-23"),
                Instant.parse("2026-11-23T09:00:00Z"),
                509,
                new CandidateScored.Sections(430, 0, 50, 29),
                "2025-03-25",
                List.of(Program.CEC, Program.FSW),
                List.of(new CandidateScored.CategoryEligibility(Category.STEM, "2026-Version 1")),
                List.of(
                        new CandidateScoredV1.TimelineEntry(
                                LocalDate.parse("2027-03-02"), "first-language test expires", 380),
                        new CandidateScoredV1.TimelineEntry(
                                LocalDate.parse("2027-05-07"), "turns 32: age points 99 -> 94", 375)),
                List.of());
    }

    static CandidateScored scoredWithoutEligibility() {
        return new CandidateScored(
                "c-002",
                0,
                LocalDate.parse("2026-11-01"),
                0,
                new CandidateScored.Sections(0, 0, 0, 0),
                "2025-03-25",
                List.of(),
                List.of(),
                List.of(),
                Instant.parse("2026-11-23T09:00:00Z"));
    }

    static CandidateErased erased() {
        return new CandidateErased("c-7f3a9", 4, Instant.parse("2026-11-23T10:00:00Z"));
    }

    static InvitationForecast forecast() {
        return new InvitationForecast(
                "c-7f3a9",
                LocalDate.parse("2026-11-23"),
                LocalDate.parse("2026-11-19"),
                "forecast-1",
                List.of(
                        new InvitationForecast.HorizonProbability(30, 0.21),
                        new InvitationForecast.HorizonProbability(90, 0.52),
                        new InvitationForecast.HorizonProbability(180, 0.74)),
                LocalDate.parse("2027-02-14"),
                List.of(
                        new InvitationForecast.StreamProbability("PROGRAM:CEC", 0.41),
                        new InvitationForecast.StreamProbability("CATEGORY:STEM", 0.22)),
                Instant.parse("2026-11-23T09:00:00Z"));
    }

    static InvitationForecast forecastWithoutHalfway() {
        return new InvitationForecast(
                "c-002",
                LocalDate.parse("2026-11-23"),
                LocalDate.parse("2026-11-19"),
                "forecast-1",
                List.of(
                        new InvitationForecast.HorizonProbability(30, 0.0),
                        new InvitationForecast.HorizonProbability(90, 0.01),
                        new InvitationForecast.HorizonProbability(180, 0.03)),
                null,
                List.of(),
                Instant.parse("2026-11-23T09:00:00Z"));
    }

    /** Valid samples per ce_type, retired types included (consumers still read them). */
    static Map<String, List<Record>> valid() {
        return Map.of(
                EventTypes.CANDIDATE_SCORED_V1, List.of(scoredV1()),
                EventTypes.DRAW_ANNOUNCED, List.of(programRound(), earlyGeneralRound(), categoryRound(), lettered()),
                EventTypes.DRAW_CORRECTED, List.of(corrected()),
                EventTypes.INVITATION_LIKELY, List.of(atTheCutoff(), aboveTheCutoff(), noTieBreakPublished()),
                EventTypes.DRAW_EVALUATED, List.of(evaluation()),
                EventTypes.CANDIDATE_SCORED, List.of(scored(), scoredWithoutEligibility()),
                EventTypes.CANDIDATE_ERASED, List.of(erased()),
                EventTypes.INVITATION_FORECAST, List.of(forecast(), forecastWithoutHalfway()));
    }
}
