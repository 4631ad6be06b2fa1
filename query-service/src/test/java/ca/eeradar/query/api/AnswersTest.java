package ca.eeradar.query.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.query.draws.DrawPosition;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AnswersTest {

    @Test
    void etagIsStrongAndFollowsTheBytes() {
        String a = Answer.etag("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertTrue(a.startsWith("\"") && a.endsWith("\"") && !a.startsWith("W/"));
        assertEquals(a, Answer.etag("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(a, Answer.etag("{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ifNoneMatchListsAndStar() {
        assertTrue(Answer.matches("\"x\", \"y\"", "\"y\""));
        assertTrue(Answer.matches("*", "\"y\""));
        assertFalse(Answer.matches("W/\"y\"", "\"y\""));
        assertFalse(Answer.matches(null, "\"y\""));
    }

    @Test
    void cursorsRoundTripAndRejectJunk() {
        DrawPosition p = new DrawPosition(LocalDate.of(2018, 5, 30), 91, "b");
        assertEquals(p, DrawPosition.fromCursor(p.cursor()));
        assertNull(DrawPosition.fromCursor("not-a-cursor"));
        assertNull(DrawPosition.fromCursor(Cursor.encode("2018-05-30", "x", "")));
    }
}
