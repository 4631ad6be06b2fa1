package ca.eeradar.crs;

import static ca.eeradar.crs.LanguageScales.LISTENING;
import static ca.eeradar.crs.LanguageScales.READING;
import static ca.eeradar.crs.LanguageScales.SPEAKING;
import static ca.eeradar.crs.LanguageScales.WRITING;
import static ca.eeradar.crs.LanguageScales.level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conversions of docs/crs-rules.md#language-tests, per ability and at the edges of each row. */
class LanguageScalesTest {

    @Test
    void ieltsSameBandDifferentLevelPerAbility() {
        assertEquals(7, level(LanguageTestType.IELTS_GENERAL, LISTENING, 7.0));
        assertEquals(9, level(LanguageTestType.IELTS_GENERAL, READING, 7.0));
        assertEquals(9, level(LanguageTestType.IELTS_GENERAL, WRITING, 7.0));
        assertEquals(9, level(LanguageTestType.IELTS_GENERAL, SPEAKING, 7.0));
    }

    @ParameterizedTest(name = "IELTS {0} {1} -> CLB {2}")
    @CsvSource({
        "0, 8.5, 10",
        "0, 8.0, 9",
        "0, 7.5, 8",
        "0, 6.0, 7",
        "0, 5.5, 6",
        "0, 5.0, 5",
        "0, 4.5, 4",
        "0, 4.0, 3",
        "1, 8.0, 10",
        "1, 7.5, 9",
        "1, 6.5, 8",
        "1, 6.0, 7",
        "1, 5.0, 6",
        "1, 4.0, 5",
        "1, 3.5, 4",
        "1, 3.0, 3",
        "2, 7.5, 10",
        "2, 7.0, 9",
        "2, 6.5, 8",
        "2, 6.0, 7",
        "2, 5.5, 6",
        "2, 5.0, 5",
        "2, 4.0, 4",
        "3, 9.0, 10",
        "3, 6.5, 8",
        "3, 5.5, 6",
        "3, 4.0, 4"
    })
    void ielts(int ability, double band, int clb) {
        assertEquals(clb, level(LanguageTestType.IELTS_GENERAL, ability, band));
    }

    @ParameterizedTest(name = "CELPIP {0} -> CLB {1}")
    @CsvSource({"12, 10", "11, 10", "10, 10", "9, 9", "7, 7", "4, 4", "3, 3", "0, 0"})
    void celpip(double score, int clb) {
        for (int a = 0; a < 4; a++) {
            assertEquals(clb, level(LanguageTestType.CELPIP_GENERAL, a, score));
        }
    }

    @ParameterizedTest(name = "PTE Core ability {0} score {1} -> CLB {2}")
    @CsvSource({
        "0, 89, 10",
        "0, 88, 9",
        "0, 82, 9",
        "0, 71, 8",
        "0, 60, 7",
        "0, 59, 6",
        "0, 28, 4",
        "0, 18, 3",
        "1, 88, 10",
        "1, 78, 9",
        "1, 60, 7",
        "1, 33, 4",
        "2, 90, 10",
        "2, 89, 9",
        "2, 88, 9",
        "2, 69, 7",
        "2, 68, 6",
        "3, 89, 10",
        "3, 84, 9",
        "3, 68, 7",
        "3, 42, 4"
    })
    void pteCore(int ability, double score, int clb) {
        assertEquals(clb, level(LanguageTestType.PTE_CORE, ability, score));
    }

    @ParameterizedTest(name = "TEF /699 ability {0} score {1} -> NCLC {2}")
    @CsvSource({
        "0, 546, 10",
        "0, 545, 9",
        "0, 434, 7",
        "0, 433, 6",
        "0, 306, 4",
        "0, 305, 3",
        "2, 558, 10",
        "2, 557, 9",
        "2, 428, 7",
        "3, 556, 10",
        "3, 456, 7",
        "3, 455, 6"
    })
    void tef699(int ability, double score, int nclc) {
        assertEquals(nclc, level(LanguageTestType.TEF_CANADA, ability, score));
    }

    @ParameterizedTest(name = "TEF ancien ability {0} score {1} -> NCLC {2}")
    @CsvSource({
        "0, 316, 10",
        "0, 249, 7",
        "0, 248, 6",
        "1, 263, 10",
        "1, 207, 7",
        "1, 206, 6",
        "2, 393, 10",
        "2, 310, 7",
        "3, 309, 6",
        "3, 181, 4",
        "3, 180, 3"
    })
    void tefAncien(int ability, double score, int nclc) {
        assertEquals(nclc, level(LanguageTestType.TEF_CANADA_ANCIEN, ability, score));
    }

    @Test
    void theTwoTefScalesDisagreeOnTheSameNumber() {
        // 300 on the /699 scale is below NCLC 4; in "ancien" speaking it is NCLC 6: the scale is never guessed.
        assertEquals(3, level(LanguageTestType.TEF_CANADA, SPEAKING, 300));
        assertEquals(6, level(LanguageTestType.TEF_CANADA_ANCIEN, SPEAKING, 300));
    }

    @ParameterizedTest(name = "TCF ability {0} score {1} -> NCLC {2}")
    @CsvSource({
        "0, 549, 10",
        "0, 523, 9",
        "0, 522, 8",
        "0, 458, 7",
        "1, 524, 9",
        "1, 523, 8",
        "1, 453, 7",
        "2, 16, 10",
        "2, 14, 9",
        "2, 10, 7",
        "2, 6, 5",
        "2, 3, 3",
        "3, 12, 8",
        "3, 7, 6"
    })
    void tcf(int ability, double score, int nclc) {
        assertEquals(nclc, level(LanguageTestType.TCF_CANADA, ability, score));
    }

    @Test
    void directLevelsAboveTenAreTenOrMore() {
        assertEquals(10, level(LanguageTestType.CLB, READING, 12));
        assertEquals(10, level(LanguageTestType.NCLC, READING, 11));
        assertEquals(5, level(LanguageTestType.NCLC, READING, 5));
    }

    @Test
    void rangesPerTestAndAbility() {
        assertNull(LanguageScales.rangeProblem(LanguageTestType.IELTS_GENERAL, READING, 7.5));
        assertNotNull(LanguageScales.rangeProblem(LanguageTestType.IELTS_GENERAL, READING, 9.5));
        assertNotNull(LanguageScales.rangeProblem(LanguageTestType.IELTS_GENERAL, READING, 7.25));
        assertNotNull(LanguageScales.rangeProblem(LanguageTestType.TCF_CANADA, WRITING, 21));
        assertNull(LanguageScales.rangeProblem(LanguageTestType.TCF_CANADA, READING, 549));
        assertNotNull(LanguageScales.rangeProblem(LanguageTestType.TEF_CANADA_ANCIEN, READING, 301));
        assertNull(LanguageScales.rangeProblem(LanguageTestType.TEF_CANADA_ANCIEN, WRITING, 450));
        assertNotNull(LanguageScales.rangeProblem(LanguageTestType.PTE_CORE, LISTENING, 91));
        assertNotNull(LanguageScales.rangeProblem(LanguageTestType.CELPIP_GENERAL, LISTENING, 13));
    }
}
