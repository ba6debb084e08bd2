package io.weathersync.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a free loopback port ahead of a process's start, so that URLs are known before the process runs
 * (the master registers each slave's {@code api_url}; slaves need the master's URL across its restarts).
 */
final class FreePorts {

    private FreePorts() {
    }

    /** A port nothing listens on right now (the kernel's choice for port 0). */
    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
