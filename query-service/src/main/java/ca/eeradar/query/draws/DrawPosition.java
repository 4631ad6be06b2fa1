package ca.eeradar.query.draws;

import ca.eeradar.query.api.Cursor;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Where a round sits in "newest first" order: date, then number, then IRCC's letter. */
public record DrawPosition(LocalDate date, int num, String suffix) {

    public String cursor() {
        return Cursor.encode(date.toString(), Integer.toString(num), suffix);
    }

    /** The position a cursor names, or null when it is not a draw cursor. */
    public static DrawPosition fromCursor(String cursor) {
        String[] parts = Cursor.decode(cursor, 3);
        if (parts == null) {
            return null;
        }
        try {
            return new DrawPosition(LocalDate.parse(parts[0]), Integer.parseInt(parts[1]), parts[2]);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
