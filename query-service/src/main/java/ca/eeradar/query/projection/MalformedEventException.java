package ca.eeradar.query.projection;

/** An event the read model cannot apply however often it is retried: it goes to the topic's DLQ with this reason. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String reason) {
        super(reason);
    }

    public MalformedEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
