package ca.eeradar.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.contracts.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LocalInfraTest {

    @Test
    void brokerCreatesEveryContractTopicAndKeepsRecordsAcrossARestart() throws Exception {
        LocalInfra infra = LocalInfra.shared();
        Properties admin = new Properties();
        admin.put("bootstrap.servers", infra.bootstrapServers());
        try (Admin a = Admin.create(admin)) {
            Set<String> names = a.listTopics().names().get();
            for (Topics.TopicSpec spec : Topics.all()) {
                assertTrue(names.contains(spec.name()), spec.name());
                assertEquals(
                        spec.partitions(),
                        a.describeTopics(List.of(spec.name()))
                                .allTopicNames()
                                .get()
                                .get(spec.name())
                                .partitions()
                                .size());
            }
            ConfigResource scores = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CANDIDATE_SCORES);
            ConfigEntry policy =
                    a.describeConfigs(List.of(scores)).all().get().get(scores).get("cleanup.policy");
            assertEquals("compact", policy.value());
        }

        Properties p = new Properties();
        p.put("bootstrap.servers", infra.bootstrapServers());
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.DRAWS, 0, "392", "survives"))
                    .get();
        }

        infra.kafka().orElseThrow().restart();

        Properties c = new Properties();
        c.put("bootstrap.servers", infra.bootstrapServers());
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(Topics.DRAWS, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            String value = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (value == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    value = r.value();
                }
            }
            assertEquals("survives", value);
        }
    }

    @Test
    void databaseKeepsRowsAcrossARestart() throws Exception {
        LocalInfra infra = LocalInfra.shared();
        String url = infra.database("infra_test");
        try (Connection conn = DriverManager.getConnection(url, infra.jdbcUser(), infra.jdbcPassword())) {
            conn.createStatement().execute("create table if not exists kept (v text)");
            conn.createStatement().execute("insert into kept values ('row')");
        }
        infra.postgres().orElseThrow().restart();
        try (Connection conn = DriverManager.getConnection(url, infra.jdbcUser(), infra.jdbcPassword());
                ResultSet rs = conn.createStatement().executeQuery("select count(*) from kept where v = 'row'")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void killingTheParentJvmLeavesNoBrokerNorPostmaster() throws Exception {
        Path pidFile = Files.createTempFile("infra-holder", ".pids");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(
                        javaBin,
                        "-cp",
                        System.getProperty("java.class.path"),
                        InfraHolderMain.class.getName(),
                        pidFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<String> pids = List.of();
        while (System.nanoTime() < deadline) {
            pids = Files.readAllLines(pidFile);
            if (pids.size() == 3) {
                break;
            }
            assertTrue(holder.isAlive(), "holder JVM died before starting the infrastructure");
            Thread.onSpinWait();
            holder.waitFor(200, TimeUnit.MILLISECONDS);
        }
        assertEquals(3, pids.size(), "kafka child, postgres child and postmaster pids");
        for (String pid : pids) {
            assertTrue(
                    ProcessHandle.of(Long.parseLong(pid))
                            .map(ProcessHandle::isAlive)
                            .orElse(false),
                    pid);
        }

        holder.destroyForcibly(); // SIGKILL: no shutdown hook runs in the holder
        holder.waitFor();

        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String pid : pids) {
            var handle = ProcessHandle.of(Long.parseLong(pid));
            while (handle.map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                try {
                    handle.get().onExit().get(1, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException stillAlive) {
                    // keep waiting until the deadline
                }
            }
            assertFalse(handle.map(ProcessHandle::isAlive).orElse(false), "process " + pid + " outlived its parent");
        }
    }
}
