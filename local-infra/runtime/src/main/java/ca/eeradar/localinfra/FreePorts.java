package ca.eeradar.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Ports nobody listens on, for the broker, the database and the services a test starts. */
public final class FreePorts {
    private FreePorts() {}

    /**
     * {@code count} different free ports. Every socket stays open until all are chosen: asked one at a time, the
     * operating system may hand out the same port twice (seen in CI: the broker's and its controller's listener
     * on one port, and the broker refused to start).
     */
    public static int[] distinct(int count) {
        List<ServerSocket> held = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a listening socket that was never used: nothing to do
                }
            }
        }
    }
}
