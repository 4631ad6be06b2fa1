package ca.eeradar.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.InvitationLikely.TieBreak;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.crs.Assessment;
import ca.eeradar.crs.CrsEngine;
import ca.eeradar.scoring.evaluation.Verdict.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The round rules alone (pure): pool edges, tie-break, program and category eligibility. */
class RoundRulesTest {
    private static final ZoneId OTTAWA = ZoneId.of("Canada/Eastern");
    private static final Instant RAN = Instant.parse("2026-11-20T15:00:00Z");
    private static final Instant TIE = Instant.parse("2026-05-01T00:00:00Z");

    private static Draw draw(
            Draw.RoundType type, Program program, Category category, Instant drawnAt, Instant tieBreak) {
        return new Draw(
                "1",
                LocalDate.of(2026, 11, 20),
                drawnAt,
                "t",
                type,
                program,
                category,
                category == null ? null : "2026-Version 1",
                category == null ? List.of() : List.of(Program.CEC),
                10,
                500,
                tieBreak,
                null,
                1,
                null);
    }

    private static Assessment assessment(int total, Set<Program> programs, int categoryMask, boolean nominated) {
        return new Assessment(total, "2026-11-03", true, programs, categoryMask, nominated, false);
    }

    @Test
    void poolEdges() {
        RoundRules rules = new RoundRules(draw(Draw.RoundType.GENERAL, null, null, RAN, TIE), OTTAWA);
        assertEquals(Reason.SUBMITTED_AFTER_DRAW, rules.outsidePool(RAN));
        assertEquals(null, rules.outsidePool(RAN.minusSeconds(1)));
        assertEquals(
                Reason.PROFILE_EXPIRED,
                rules.outsidePool(Instant.parse("2025-11-20T15:00:00Z")),
                "expires exactly 12 months on");
        assertEquals(null, rules.outsidePool(Instant.parse("2025-11-20T15:00:01Z")));
        // No time for the round: the start of its day in Ottawa, so a same-day profile is never counted in.
        RoundRules noTime = new RoundRules(draw(Draw.RoundType.GENERAL, null, null, null, TIE), OTTAWA);
        assertEquals(Instant.parse("2026-11-20T05:00:00Z"), noTime.ranAt());
    }

    @Test
    void cutoffAndTieBreak() {
        RoundRules rules = new RoundRules(draw(Draw.RoundType.PROGRAM, Program.CEC, null, RAN, TIE), OTTAWA);
        Instant early = TIE.minusSeconds(60);
        assertEquals(
                TieBreak.NOT_NEEDED,
                rules.judge(early, assessment(501, Set.of(Program.CEC), 0, false))
                        .tieBreak());
        assertEquals(
                TieBreak.WON,
                rules.judge(TIE, assessment(500, Set.of(Program.CEC), 0, false)).tieBreak(),
                "on the instant counts");
        Verdict late = rules.judge(TIE.plusSeconds(1), assessment(500, Set.of(Program.CEC), 0, false));
        assertFalse(late.likely());
        assertEquals(Reason.TIE_BREAK_LOST, late.reason());
        assertEquals(
                Reason.BELOW_CUTOFF,
                rules.judge(early, assessment(499, Set.of(Program.CEC), 0, false))
                        .reason());
        RoundRules unpublished = new RoundRules(draw(Draw.RoundType.PROGRAM, Program.CEC, null, RAN, null), OTTAWA);
        assertEquals(
                TieBreak.UNKNOWN,
                unpublished
                        .judge(TIE.plusSeconds(1), assessment(500, Set.of(Program.CEC), 0, false))
                        .tieBreak());
    }

    /**
     * Issue 18: the cutoff is what a foreign master's plus a Canadian one-year diploma scored with the
     * upgraded 30 Canadian-study points (= a Canadian one-year master's now); with 15 it is below.
     */
    @Test
    void aCandidate15PointsBelowTheCutoffAfterTheCanadianStudyFixIsNotLikely() {
        CrsEngine engine = CrsEngine.withOfficialRules();
        LocalDate day = LocalDate.of(2026, 11, 20);
        Assessment diploma =
                engine.assess(Profiles.base().foreignMastersAndCanadianDiploma().profile(), day);
        Assessment canadianMasters =
                engine.assess(Profiles.base().canadianOneYearMasters().profile(), day);
        // 30 on the draw date: age 105, master's 135, CLB 10 136, 3 years in Canada 64, transferability 50.
        assertEquals(105 + 135 + 136 + 64 + 50 + 15, diploma.total());
        assertEquals(diploma.total() + 15, canadianMasters.total());
        Draw round = new Draw(
                "1",
                day,
                RAN,
                "t",
                Draw.RoundType.PROGRAM,
                Program.CEC,
                null,
                null,
                List.of(),
                10,
                canadianMasters.total(),
                TIE,
                null,
                1,
                null);
        RoundRules rules = new RoundRules(round, OTTAWA);
        Verdict below = rules.judge(TIE, diploma);
        assertFalse(below.likely());
        assertEquals(Reason.BELOW_CUTOFF, below.reason());
        Verdict atCutoff = rules.judge(TIE, canadianMasters);
        assertTrue(atCutoff.likely());
        assertEquals(TieBreak.WON, atCutoff.tieBreak());
    }

    @Test
    void eligibilityByRoundType() {
        Instant in = TIE;
        RoundRules cec = new RoundRules(draw(Draw.RoundType.PROGRAM, Program.CEC, null, RAN, TIE), OTTAWA);
        assertEquals(
                Reason.PROGRAM_NOT_MET,
                cec.judge(in, assessment(900, Set.of(Program.FSW), 0, true)).reason());
        RoundRules pnp = new RoundRules(draw(Draw.RoundType.PROGRAM, Program.PNP, null, RAN, TIE), OTTAWA);
        assertEquals(
                Reason.NO_NOMINATION_BY_DRAW_DATE,
                pnp.judge(in, assessment(900, Set.of(Program.CEC), 0, false)).reason());
        assertTrue(pnp.judge(in, assessment(900, Set.of(Program.CEC), 0, true)).likely());
        assertEquals(
                Reason.PROGRAM_NOT_MET,
                pnp.judge(in, assessment(900, Set.of(), 0, true)).reason(),
                "a nominee must still meet a federal program (engine rule)");
        RoundRules stem = new RoundRules(draw(Draw.RoundType.CATEGORY, null, Category.STEM, RAN, TIE), OTTAWA);
        int stemBit = 1 << Category.STEM.ordinal();
        assertEquals("CATEGORY:STEM/2026-Version 1", stem.basis());
        Draw unversioned = draw(Draw.RoundType.CATEGORY, null, Category.STEM, RAN, TIE);
        unversioned = new Draw(
                unversioned.number(),
                unversioned.date(),
                unversioned.drawnAt(),
                unversioned.name(),
                unversioned.roundType(),
                null,
                Category.STEM,
                null,
                unversioned.eligiblePrograms(),
                unversioned.invitations(),
                unversioned.crsCutoff(),
                unversioned.tieBreakAt(),
                unversioned.pool(),
                unversioned.revision(),
                unversioned.source());
        assertEquals(
                "CATEGORY:STEM",
                new RoundRules(unversioned, OTTAWA).basis(),
                "no \"/null\" when the round names no version");
        assertTrue(stem.judge(in, assessment(600, Set.of(Program.CEC), stemBit, false))
                .likely());
        assertEquals(
                Reason.PROGRAM_NOT_MET,
                stem.judge(in, assessment(600, Set.of(Program.FSW), stemBit, false))
                        .reason(),
                "FSW is not among this round's eligible programs");
        assertEquals(
                Reason.CATEGORY_NOT_MET,
                stem.judge(in, assessment(600, Set.of(Program.CEC), 0, false)).reason());
        RoundRules general = new RoundRules(draw(Draw.RoundType.GENERAL, null, null, RAN, TIE), OTTAWA);
        assertEquals(
                Reason.PROGRAM_NOT_MET,
                general.judge(in, assessment(600, Set.of(), 0, false)).reason());
        assertEquals(
                Reason.PROFILE_NOT_VALID_ON_DRAW_DATE,
                general.judge(in, new Assessment(600, "2026-11-03", false, Set.of(Program.CEC), 0, false, true))
                        .reason());
    }
}
