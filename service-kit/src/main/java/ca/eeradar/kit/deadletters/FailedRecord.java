package ca.eeradar.kit.deadletters;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * A consumed record that can never be applied, as it was read: where it came from, its key, its bytes and
 * its headers. The same for a channel's record and for a Kafka Streams source record, so both are
 * dead-lettered by one {@link DeadLetterWriter}.
 */
public record FailedRecord(String topic, int partition, long offset, String key, byte[] value, Headers headers) {

    public static FailedRecord of(ConsumerRecord<String, byte[]> record) {
        return new FailedRecord(
                record.topic(), record.partition(), record.offset(), record.key(), record.value(), record.headers());
    }
}
