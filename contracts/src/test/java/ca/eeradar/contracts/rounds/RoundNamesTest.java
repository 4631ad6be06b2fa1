package ca.eeradar.contracts.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.Draw.RoundType;
import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every distinct round name of the 438 rounds (22 spellings). */
class RoundNamesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            No Program Specified                                          | GENERAL  | -   | -                                   | -
            General                                                       | GENERAL  | -   | -                                   | -
            Canadian Experience Class                                     | PROGRAM  | CEC | -                                   | -
            Provincial Nominee Program                                    | PROGRAM  | PNP | -                                   | -
            Federal Skilled Trades                                        | PROGRAM  | FST | -                                   | -
            Federal Skilled Worker                                        | PROGRAM  | FSW | -                                   | -
            French language proficiency (Version 1)                       | CATEGORY | -   | FRENCH_LANGUAGE                     | Version 1
            French-Language proficiency 2026-Version 2                    | CATEGORY | -   | FRENCH_LANGUAGE                     | 2026-Version 2
            Healthcare occupations (Version 1)                            | CATEGORY | -   | HEALTHCARE                          | Version 1
            Healthcare and social services occupations (Version 2)        | CATEGORY | -   | HEALTHCARE_SOCIAL_SERVICES          | Version 2
            Healthcare and Social Services Occupations, 2026-Version 3    | CATEGORY | -   | HEALTHCARE_SOCIAL_SERVICES          | 2026-Version 3
            STEM occupations (Version 1)                                  | CATEGORY | -   | STEM                                | Version 1
            Trade occupations (Version 1)                                 | CATEGORY | -   | TRADES                              | Version 1
            Trade occupations (Version 2)                                 | CATEGORY | -   | TRADES                              | Version 2
            Trades Occupations, 2026-Version 3                            | CATEGORY | -   | TRADES                              | 2026-Version 3
            Transport occupations (Version 1)                             | CATEGORY | -   | TRANSPORT                           | Version 1
            Transport Occupations, 2026-Version 2                         | CATEGORY | -   | TRANSPORT                           | 2026-Version 2
            Agriculture and agri-food occupations (Version 1)             | CATEGORY | -   | AGRICULTURE_AGRI_FOOD               | Version 1
            Education occupations (Version 1)                             | CATEGORY | -   | EDUCATION                           | Version 1
            Physicians with Canadian Work Experience, 2026-Version 1      | CATEGORY | -   | PHYSICIANS_CANADIAN_EXPERIENCE      | 2026-Version 1
            Senior managers with Canadian Work Experience, 2026-Version 1 | CATEGORY | -   | SENIOR_MANAGERS_CANADIAN_EXPERIENCE | 2026-Version 1
            Researchers with Canadian Work Experience, 2026-Version 1     | CATEGORY | -   | RESEARCHERS_CANADIAN_EXPERIENCE     | 2026-Version 1
            Skilled Military Recruits, 2026-Version 1                     | CATEGORY | -   | SKILLED_MILITARY_RECRUITS           | 2026-Version 1
            """)
    void classify(String name, RoundType type, Program program, Category category, String version) {
        assertEquals(
                new RoundKind(type, program, category, version),
                RoundNames.classify(name).orElseThrow());
        assertEquals(RoundNames.classify(name), RoundNames.classify("  " + name.toUpperCase() + " "));
    }

    @Test
    void unknownNamesAreNotGuessed() {
        assertTrue(RoundNames.classify("Lottery of the Month").isEmpty());
        assertTrue(RoundNames.classify("").isEmpty());
        assertTrue(RoundNames.classify(null).isEmpty());
    }

    @Test
    void programsInTheOrderIrccNamesThem() {
        assertEquals(
                List.of(Program.FSW, Program.CEC, Program.FST, Program.PNP),
                RoundNames.programs(
                        "Federal Skilled Worker, Canadian Experience Class, Federal Skilled Trades and Provincial Nominee Program"));
        assertEquals(
                List.of(Program.FSW, Program.CEC, Program.FST),
                RoundNames.programs(
                        "Federal Skilled Worker Program, Canadian Experience Class and Federal Skilled Trades Program"));
        assertEquals(List.of(), RoundNames.programs(""));
        assertThrows(IllegalArgumentException.class, () -> RoundNames.programs("Everyone"));
    }
}
