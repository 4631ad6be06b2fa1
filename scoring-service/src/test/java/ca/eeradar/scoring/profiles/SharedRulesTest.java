package ca.eeradar.scoring.profiles;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.CloudEvent;
import ca.eeradar.contracts.Draw;
import ca.eeradar.contracts.EventJson;
import ca.eeradar.contracts.EventTypes;
import ca.eeradar.contracts.Topics;
import ca.eeradar.contracts.rules.Program;
import ca.eeradar.contracts.rules.RuleCases;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.scoring.draws.DrawMessages;
import ca.eeradar.scoring.draws.PoisonDrawException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Scoring accepts and refuses exactly the candidate ids, round numbers and cutoffs that ingest and query do
 * (rules in contracts): through the id check of the profile API and the reader of the draws topic.
 */
class SharedRulesTest {
    @Test
    void candidateIds() {
        for (String id : RuleCases.VALID_CANDIDATE_IDS) {
            assertTrue(ProfileChecks.validId(id), id);
            assertDoesNotThrow(() -> ProfileChecks.checkId(id), id);
        }
        for (String id : RuleCases.INVALID_CANDIDATE_IDS) {
            assertFalse(ProfileChecks.validId(id), id);
            ProblemException e = assertThrows(ProblemException.class, () -> ProfileChecks.checkId(id), id);
            assertEquals(400, e.problem().status(), id);
            assertEquals("candidateId", e.problem().errors().get(0).field(), id);
        }
    }

    @Test
    void roundNumbersOnTheDrawsTopic() {
        for (String number : RuleCases.VALID_ROUND_NUMBERS) {
            assertEquals(number, DrawMessages.parse(record(number, 500)).number());
        }
        for (String number : RuleCases.INVALID_ROUND_NUMBERS) {
            PoisonDrawException e =
                    assertThrows(PoisonDrawException.class, () -> DrawMessages.parse(record(number, 500)), number);
            assertTrue(e.getMessage().contains("number: "), e.getMessage());
        }
    }

    @Test
    void cutoffsOnTheDrawsTopic() {
        for (int cutoff : RuleCases.VALID_SCORES) {
            assertEquals(cutoff, DrawMessages.parse(record("500", cutoff)).crsCutoff());
        }
        for (int cutoff : RuleCases.INVALID_SCORES) {
            PoisonDrawException e =
                    assertThrows(PoisonDrawException.class, () -> DrawMessages.parse(record("500", cutoff)));
            assertTrue(e.getMessage().contains("crsCutoff: "), e.getMessage());
        }
    }

    private static ConsumerRecord<String, byte[]> record(String number, int cutoff) {
        Draw draw = new Draw(
                number,
                LocalDate.of(2026, 11, 20),
                null,
                "Canadian Experience Class",
                Draw.RoundType.PROGRAM,
                Program.CEC,
                null,
                null,
                List.of(Program.CEC),
                1000,
                cutoff,
                null,
                null,
                1,
                new Draw.Source(Draw.SourceKind.IRCC_FEED, "test", Instant.parse("2026-11-20T15:00:00Z")));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.DRAWS, 0, 0, number, EventJson.write(draw));
        record.headers().add(CloudEvent.TYPE, EventTypes.DRAW_ANNOUNCED.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
