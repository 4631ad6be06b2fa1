package ca.eeradar.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.DrawEvaluated;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.InvitationLikely;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.crs.CrsEngine;
import ca.eeradar.localinfra.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The "Done when" cases of issue 5, one round at a time, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(
        value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class DrawEvaluationTest {
    private static final Instant TIE_BREAK = Instant.parse("2026-05-01T00:00:00Z");

    @Inject
    CrsEngine engine;

    private static Map<String, InvitationLikely> byCandidate(java.util.List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(r -> EventJson.read(r.value(), InvitationLikely.class))
                .collect(Collectors.toMap(InvitationLikely::candidateId, i -> i));
    }

    @Test
    void cecRoundInvitesExactlyTheCandidatesTheRulesSay() throws Exception {
        Rounds.awaitReady();
        String run = "c" + UUID.randomUUID().toString().substring(0, 8) + "-";
        int cutoff = engine.assess(Profiles.base().profile(), Rounds.DRAW_DATE).total();

        Rounds.store(run + "above", Profiles.base().sibling());
        Rounds.store(run + "at-early", Profiles.base().submittedAt("2026-03-01T10:00:00Z"));
        Rounds.store(run + "at-late", Profiles.base().submittedAt("2026-06-01T10:00:00Z"));
        Rounds.store(run + "no-cec", Profiles.base().foreignWorkOnly().nominatedOn("2026-10-01"));
        // Turns 31 on 2026-09-01, after submitting (2026-03-01) and before the draw: loses age points.
        Profiles birthday = Profiles.base().bornOn("1995-09-01");
        assertTrue(
                engine.assess(birthday.profile(), LocalDate.of(2026, 8, 31)).total() >= cutoff,
                "at cutoff before the birthday");
        assertTrue(
                engine.assess(birthday.profile(), Rounds.DRAW_DATE).total() < cutoff, "below cutoff on the draw date");
        Rounds.store(run + "birthday", birthday);
        // Language test taken 2024-11-10: expired 2026-11-10, ten days before the draw.
        Rounds.store(run + "test-expired", Profiles.base().sibling().languageTestTakenOn("2024-11-10"));
        Rounds.store(run + "after-draw", Profiles.base().sibling().submittedAt("2026-11-20T16:00:00Z"));
        Rounds.store(run + "expired-profile", Profiles.base().sibling().submittedAt("2025-11-19T10:00:00Z"));

        String number = Rounds.newNumber();
        Rounds.announce(Rounds.program(number, 1, Program.CEC, cutoff, TIE_BREAK));
        DrawEvaluated summary =
                EventJson.read(Rounds.evaluated(number, 1).get(0).value(), DrawEvaluated.class);

        Map<String, InvitationLikely> likely = byCandidate(Rounds.invitations(number, 1));
        Map<String, InvitationLikely> ours = likely.entrySet().stream()
                .filter(e -> e.getKey().startsWith(run))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(java.util.Set.of(run + "above", run + "at-early"), ours.keySet());

        InvitationLikely above = ours.get(run + "above");
        assertEquals(InvitationLikely.TieBreak.NOT_NEEDED, above.tieBreak());
        assertEquals(cutoff + 15, above.score());
        assertEquals(15, above.margin());
        assertEquals("PROGRAM:CEC", above.basis());
        assertEquals(number, above.drawNumber());
        assertEquals(Rounds.DRAW_DATE, above.drawDate());
        InvitationLikely atEarly = ours.get(run + "at-early");
        assertEquals(InvitationLikely.TieBreak.WON, atEarly.tieBreak());
        assertEquals(0, atEarly.margin());

        assertEquals(likely.size(), summary.likely());
        assertTrue(summary.eligible() >= summary.likely());
        assertTrue(summary.evaluated() >= summary.eligible());
    }

    /**
     * Issue 18 through a round: the cutoff is what a foreign master's plus a Canadian one-year diploma
     * scored before the fix (the upgraded 30 Canadian-study points); now 15 below it, that candidate is no
     * longer likely, while a Canadian one-year master's at the same cutoff still is.
     */
    @Test
    void aCandidate15PointsBelowTheCutoffAfterTheCanadianStudyFixIsNotLikely() throws Exception {
        Rounds.awaitReady();
        String run = "m" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Profiles diploma = Profiles.base().foreignMastersAndCanadianDiploma();
        Profiles canadianMasters = Profiles.base().canadianOneYearMasters();
        int score = engine.assess(diploma.profile(), Rounds.DRAW_DATE).total();
        int cutoff = engine.assess(canadianMasters.profile(), Rounds.DRAW_DATE).total();
        assertEquals(505, score);
        assertEquals(score + 15, cutoff);
        Rounds.store(run + "diploma", diploma);
        Rounds.store(run + "canadian-masters", canadianMasters);

        String number = Rounds.newNumber();
        Rounds.announce(Rounds.program(number, 1, Program.CEC, cutoff, TIE_BREAK));
        Rounds.evaluated(number, 1);

        Map<String, InvitationLikely> ours = byCandidate(Rounds.invitations(number, 1)).entrySet().stream()
                .filter(e -> e.getKey().startsWith(run))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(java.util.Set.of(run + "canadian-masters"), ours.keySet());
        assertEquals(cutoff, ours.get(run + "canadian-masters").score());
        assertEquals(0, ours.get(run + "canadian-masters").margin());
    }

    @Test
    void pnpRoundCountsOnlyCandidatesNominatedByTheDrawDate() throws Exception {
        Rounds.awaitReady();
        String run = "p" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Profiles nominated = Profiles.base().nominatedOn("2026-10-01");
        int nominatedScore =
                engine.assess(nominated.profile(), Rounds.DRAW_DATE).total();
        Rounds.store(run + "nominated", nominated);
        // The cutoff (300) is below every base profile: only the nomination can make the difference.
        Rounds.store(run + "not-nominated", Profiles.base().sibling());
        Rounds.store(run + "nominated-later", Profiles.base().nominatedOn("2026-11-21"));

        String number = Rounds.newNumber();
        Rounds.announce(Rounds.program(number, 1, Program.PNP, 300, TIE_BREAK));
        Rounds.evaluated(number, 1);

        Map<String, InvitationLikely> ours = byCandidate(Rounds.invitations(number, 1)).entrySet().stream()
                .filter(e -> e.getKey().startsWith(run))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(java.util.Set.of(run + "nominated"), ours.keySet());
        assertEquals(nominatedScore, ours.get(run + "nominated").score());
        assertEquals("PROGRAM:PNP", ours.get(run + "nominated").basis());
    }
}
