package ca.eeradar.ingest.feed;

import ca.eeradar.contracts.Draw;

/** One element of a feed's "rounds" array: either read into a draw, or unreadable with the reason. */
public sealed interface FeedRound {
    /** IRCC's drawNumber as written, or null when there is none. */
    String number();

    /** The round exactly as the feed gave it (compact JSON), kept for quarantine. */
    String raw();

    record Parsed(String number, String raw, Draw draw) implements FeedRound {}

    record Unreadable(String number, String raw, String reason) implements FeedRound {}
}
