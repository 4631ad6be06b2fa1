package ca.eeradar.query.projection;

/** An event that passed every check of its type ({@link EventChecks}): writing it can only fail for reasons outside the event. */
public record CheckedEvent(Envelope event, Object body) {

    /** Parses and checks one record's event; a MalformedEventException names what is wrong. */
    public static CheckedEvent of(Envelope event) {
        return EventChecks.check(event);
    }
}
