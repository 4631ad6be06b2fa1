package ca.eeradar.contracts;

/**
 * Headers of a record on a {@code <topic>.dlq} topic. Every service writes all of them through
 * service-kit's {@code DeadLetterWriter}, whatever consumed the record (a channel, a Kafka Streams
 * exception handler). The names are those SmallRye Reactive Messaging's {@code dead-letter-queue} failure
 * strategy writes, plus {@link #GROUP} and {@link #TIME}, which that strategy does not write. The value is
 * the original record's bytes, unchanged, and its original headers (ce_*) are kept, so a redrive gives the
 * record back as it was.
 */
public final class DeadLetterHeaders {
    /** Why the record was rejected (the exception message), e.g. "not a valid Draw: ...". Always present. */
    public static final String REASON = "dead-letter-reason";
    /** Message of the underlying cause, when there is one. */
    public static final String CAUSE = "dead-letter-cause";
    /** Topic the record was consumed from. */
    public static final String TOPIC = "dead-letter-topic";
    /** Partition the record was consumed from (decimal text). */
    public static final String PARTITION = "dead-letter-partition";
    /** Offset of the record in that partition (decimal text). */
    public static final String OFFSET = "dead-letter-offset";
    /** Class name of the exception. */
    public static final String EXCEPTION_CLASS_NAME = "dead-letter-exception-class-name";
    /** Class name of the underlying cause, when there is one. */
    public static final String CAUSE_CLASS_NAME = "dead-letter-cause-class-name";
    /**
     * Consumer group that rejected the record, e.g. "query-service": several groups read one topic, and
     * an operator redrives a dead letter for the group that could not apply it. Not written by the
     * connector's own strategy.
     */
    public static final String GROUP = "dead-letter-group";
    /** When the record was rejected: an ISO-8601 instant in UTC, e.g. "2026-12-04T15:30:00.123Z". Not written by the connector's own strategy. */
    public static final String TIME = "dead-letter-time";

    private DeadLetterHeaders() {}

    /** Whether a header is one of these (they all start "dead-letter-"): a redrive removes them, and keeps the original ones. */
    public static boolean isDeadLetterHeader(String name) {
        return name.startsWith("dead-letter-");
    }
}
