package ca.eeradar.kit.deadletters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.eeradar.kit.Problem;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every bad field of a redrive request is named, so an operator fixes them all at once. */
class RedriveRequestTest {
    private static final List<String> CONSUMED = List.of("express-entry.draws", "express-entry.invitation-likely");

    private static List<String> fields(RedriveRequest request) {
        return request.problems(CONSUMED).stream()
                .map(Problem.FieldError::field)
                .toList();
    }

    @Test
    void aGoodSelectionHasNoProblem() {
        assertEquals(List.of(), fields(new RedriveRequest("express-entry.draws", null, true, null)));
        assertEquals(
                List.of(),
                fields(new RedriveRequest(
                        "express-entry.invitation-likely",
                        List.of(new RedriveRequest.DeadLetterPosition(2, 17L)),
                        false,
                        "MalformedEventException")));
    }

    @Test
    void eachBadFieldIsNamed() {
        assertEquals(List.of("topic", "offsets"), fields(new RedriveRequest(null, null, null, null)));
        assertEquals(
                List.of("topic", "all", "offsets[0].partition", "offsets[1].offset", "offsets[2]", "reason"),
                fields(new RedriveRequest(
                        "scoring.candidate-profiles",
                        Arrays.asList(
                                new RedriveRequest.DeadLetterPosition(-1, 0L),
                                new RedriveRequest.DeadLetterPosition(0, null),
                                null),
                        true,
                        " ")));
    }
}
