package ca.eeradar.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedRulesTest {
    @Test
    void roundNumbers() {
        RuleCases.VALID_ROUND_NUMBERS.forEach(n -> assertTrue(RoundNumber.isValid(n), n));
        RuleCases.INVALID_ROUND_NUMBERS.forEach(n -> assertFalse(RoundNumber.isValid(n), n));
        assertFalse(RoundNumber.isValid(null));
        assertEquals(new RoundNumber(91, "a"), RoundNumber.parse("91a"));
        assertEquals(new RoundNumber(437, ""), RoundNumber.parse("437"));
        assertEquals("91a", RoundNumber.parse("91a").toString());
        assertNull(RoundNumber.parse("-1"));
    }

    @Test
    void roundNumbersSortByNumberThenLetter() {
        List<RoundNumber> numbers = new ArrayList<>(List.of(
                RoundNumber.parse("92"), RoundNumber.parse("91b"), RoundNumber.parse("100"), RoundNumber.parse("91a")));
        numbers.sort(null);
        assertEquals("[91a, 91b, 92, 100]", numbers.toString());
    }

    @Test
    void candidateIds() {
        assertEquals(CandidateId.MAX_LENGTH, RuleCases.LONGEST_CANDIDATE_ID.length());
        RuleCases.VALID_CANDIDATE_IDS.forEach(id -> assertTrue(CandidateId.isValid(id), id));
        RuleCases.INVALID_CANDIDATE_IDS.forEach(id -> assertFalse(CandidateId.isValid(id), id));
        assertFalse(CandidateId.isValid(null));
    }

    @Test
    void crsScale() {
        RuleCases.VALID_SCORES.forEach(s -> assertTrue(CrsScale.isValid(s), "" + s));
        RuleCases.INVALID_SCORES.forEach(s -> assertFalse(CrsScale.isValid(s), "" + s));
    }
}
