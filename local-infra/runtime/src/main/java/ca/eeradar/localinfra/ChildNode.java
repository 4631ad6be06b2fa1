package ca.eeradar.localinfra;

import java.time.Duration;

/**
 * A server (the broker, PostgreSQL) run in a child JVM of its own: started once, stopped keeping its data
 * directory (so a restart keeps what it stored), restarted, watched. Tests stop and start it to take a part
 * of the system away and give it back.
 */
public abstract class ChildNode {
    private ChildJvm child;

    /** Starts the server's child JVM and waits until the server is ready. */
    abstract ChildJvm launch();

    /** Starts the server unless it runs already. */
    final synchronized void ensureStarted() {
        if (child == null || !child.isAlive()) {
            child = launch();
        }
    }

    public synchronized void stop() {
        if (child != null) {
            child.stop(Duration.ofSeconds(30));
            child = null;
        }
    }

    /** The child JVM's process id, for tests that check nothing outlives its parent. */
    public synchronized long pid() {
        return child == null ? -1 : child.pid();
    }

    public synchronized void restart() {
        stop();
        ensureStarted();
    }

    public synchronized boolean isRunning() {
        return child != null && child.isAlive();
    }
}
