package ca.eeradar.kit.deadletters;

import ca.eeradar.contracts.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Reading a record of a DLQ: its dead-letter headers, and the original headers it carried. */
final class DeadLetterRecords {
    private DeadLetterRecords() {}

    /** The last value of a header as UTF-8 text, or null. */
    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The headers the record had on its original topic: all but the dead-letter-* ones, in their order. */
    static Headers original(ConsumerRecord<String, byte[]> record) {
        RecordHeaders kept = new RecordHeaders();
        for (Header h : record.headers()) {
            if (!DeadLetterHeaders.isDeadLetterHeader(h.key())) {
                kept.add(h);
            }
        }
        return kept;
    }
}
