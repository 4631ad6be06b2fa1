package ca.eeradar.scoring.draws;

/** A draws-topic record that can never be processed: it goes to the DLQ with this message as the reason. */
public class PoisonDrawException extends RuntimeException {
    public PoisonDrawException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonDrawException(String message) {
        super(message);
    }
}
