package ca.eeradar.kit.deadletters;

import java.time.Duration;
import java.util.List;

/**
 * How a service that consumes lists and redrives its dead letters, from its own configuration
 * ({@code ee-radar.<service>.dead-letters.*}): each such service produces one bean of this type, and
 * only then does it answer {@code /api/v1/dead-letters}.
 *
 * @param topics            the topics it consumes whose poison it dead-letters; each has {@code <topic>.dlq}
 * @param redriveMaxRecords most records one redrive re-publishes; the answer says when more are left
 * @param readTimeout       how long listing or selecting may read a DLQ before it answers with what it read
 */
public record DeadLetterSettings(List<String> topics, int redriveMaxRecords, Duration readTimeout) {}
