package ca.eeradar.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Records written as an outside producer would, headers and schema aside: how the tests put poison on a topic. */
final class RawRecords {
    private RawRecords() {}

    /** Sends one record and waits for the broker's acknowledgement of every in-sync replica. */
    static void send(String bootstrapServers, String topic, String key, String value) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("acks", "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
    }
}
