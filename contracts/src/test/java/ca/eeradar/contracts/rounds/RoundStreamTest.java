package ca.eeradar.contracts.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundStreamTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            No Program Specified                                       | GENERAL
            General                                                    | GENERAL
            Canadian Experience Class                                  | PROGRAM:CEC
            Provincial Nominee Program                                 | PROGRAM:PNP
            Federal Skilled Trades                                     | PROGRAM:FST
            French language proficiency (Version 1)                    | CATEGORY:FRENCH_LANGUAGE
            French-Language proficiency 2026-Version 2                 | CATEGORY:FRENCH_LANGUAGE
            Healthcare occupations (Version 1)                         | CATEGORY:HEALTHCARE
            Healthcare and social services occupations (Version 2)     | CATEGORY:HEALTHCARE
            Healthcare and Social Services Occupations, 2026-Version 3 | CATEGORY:HEALTHCARE
            Trades Occupations, 2026-Version 3                         | CATEGORY:TRADES
            """)
    void versionsOfACategoryAndTheHealthcareRenameAreOneStream(String name, String stream) {
        RoundStream of = RoundStream.of(RoundNames.classify(name).orElseThrow());
        assertEquals(stream, of.id());
        assertEquals(of, RoundStream.parse(stream));
    }

    @Test
    void parsesItsOwnIds() {
        assertEquals(
                RoundStream.category(Category.HEALTHCARE), RoundStream.category(Category.HEALTHCARE_SOCIAL_SERVICES));
        assertEquals(RoundStream.program(Program.CEC), RoundStream.parse("program:cec"));
        assertThrows(IllegalArgumentException.class, () -> RoundStream.parse("PROGRAM:EXPRESS"));
        assertThrows(IllegalArgumentException.class, () -> RoundStream.parse("LOTTERY"));
    }
}
