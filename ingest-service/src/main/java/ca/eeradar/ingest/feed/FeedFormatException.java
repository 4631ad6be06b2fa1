package ca.eeradar.ingest.feed;

/** The document as a whole is not an IRCC rounds feed (not JSON, no "rounds" array): nothing of it is imported. */
public class FeedFormatException extends RuntimeException {
    private final String field;

    public FeedFormatException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
