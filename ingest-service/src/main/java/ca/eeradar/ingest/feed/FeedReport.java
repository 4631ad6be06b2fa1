package ca.eeradar.ingest.feed;

import java.util.List;

/** What one import of a feed document did (the answer of POST /api/v1/feeds/ircc). */
public record FeedReport(int received, int announced, int corrected, int unchanged, List<Held> quarantined) {
    /** A round put in quarantine, with the reason. */
    public record Held(String number, String reason) {}
}
