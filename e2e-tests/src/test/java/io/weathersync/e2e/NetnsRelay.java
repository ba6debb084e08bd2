package io.weathersync.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two ways into a server that listens on {@code 127.0.0.1:PORT} inside a host's namespace, served by one small
 * process run in that namespace ({@link #main}):
 * <ul>
 * <li>from the network: {@code ADDRESS:PORT} on the host's {@code eth0}, relayed to the server with, while the file
 * {@code JITTER} exists, a random delay of 0-200 ms before each chunk it forwards (this kernel has no
 * {@code sch_netem}, so the jitter is added here; packet loss and cuts are the kernel's, see {@link Netns});</li>
 * <li>from the test, in the root namespace, without a device there and without the host's links (which the faults
 * cut): a Unix socket file, which no network namespace owns, joins a listener on {@code 127.0.0.1:PORT} in the
 * test JVM to the server, so the test reaches a node even while it is cut off, as an operator on its console would.</li>
 * </ul>
 */
final class NetnsRelay implements AutoCloseable {

    /** The most a chunk is delayed while jittering. */
    static final int JITTER_MILLIS = 200;

    private final ServerSocketChannel listener;
    private final Process inside;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

    private NetnsRelay(ServerSocketChannel listener, Process inside) {
        this.listener = listener;
        this.inside = inside;
    }

    /**
     * Starts the relay in the namespace {@code exec} runs in, for the server on {@code 127.0.0.1:port} there:
     * reachable at {@code address:port} from the other hosts (jittered while {@code jitter} exists) and, when
     * {@code socket} is not null, at {@code 127.0.0.1:port} from the test.
     */
    static NetnsRelay start(List<String> exec, String address, int port, Path jitter, Path socket) {
        try {
            if (socket != null) {
                Files.deleteIfExists(socket);
            }
            Path ready = Files.createTempFile("ws-relay-", ".ready");
            Files.delete(ready);
            List<String> command = new ArrayList<>(exec);
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx24m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classes().toString(),
                    NetnsRelay.class.getName(), address, Integer.toString(port), jitter.toString(),
                    ready.toString(), socket == null ? "-" : socket.toString()));
            Process inside = StartedProcesses.register(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.exists(ready)) {
                if (!inside.isAlive() || System.nanoTime() > deadline) {
                    inside.destroyForcibly();
                    throw new AssertionError("the relay in " + exec + " for port " + port + " did not start");
                }
                Cluster.sleep(Duration.ofMillis(50));
            }
            Files.delete(ready);
            if (socket == null) {
                return new NetnsRelay(null, inside);
            }
            ServerSocketChannel listener = ServerSocketChannel.open()
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            NetnsRelay relay = new NetnsRelay(listener, inside);
            Thread.ofPlatform().daemon().name("e2e-relay-" + port).start(() -> relay.accept(socket));
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot relay port " + port, e);
        }
    }

    private void accept(Path socket) {
        while (listener.isOpen()) {
            try {
                SocketChannel client = listener.accept();
                try {
                    pipe(client, SocketChannel.open(UnixDomainSocketAddress.of(socket)), null, open);
                } catch (IOException e) {
                    client.close();
                }
            } catch (IOException e) {
                if (!listener.isOpen()) {
                    return;
                }
            }
        }
    }

    /** Inside the namespace: {@code NetnsRelay ADDRESS PORT JITTER READY SOCKET|-}; runs until killed. */
    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1]));
        Path jitter = Path.of(args[2]);
        Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
        ServerSocketChannel network = ServerSocketChannel.open()
                .bind(new InetSocketAddress(args[0], Integer.parseInt(args[1])));
        Thread.ofPlatform().start(() -> serve(network, server, jitter, open));
        if (!args[4].equals("-")) {
            ServerSocketChannel test = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                    .bind(UnixDomainSocketAddress.of(Path.of(args[4])));
            Thread.ofPlatform().start(() -> serve(test, server, null, open));
        }
        Files.createFile(Path.of(args[3]));
    }

    private static void serve(ServerSocketChannel listener, InetSocketAddress server, Path jitter,
                              Set<SocketChannel> open) {
        while (true) {
            try {
                SocketChannel client = listener.accept();
                try {
                    pipe(client, SocketChannel.open(server), jitter, open);
                } catch (IOException e) {
                    client.close();
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pipe(SocketChannel a, SocketChannel b, Path jitter, Set<SocketChannel> open) {
        open.add(a);
        open.add(b);
        AtomicInteger ended = new AtomicInteger();
        Runnable end = () -> {
            if (ended.incrementAndGet() == 2) {
                closeQuietly(a, open);
                closeQuietly(b, open);
            }
        };
        Thread.ofVirtual().start(() -> {
            copy(a, b, jitter, open);
            end.run();
        });
        Thread.ofVirtual().start(() -> {
            copy(b, a, jitter, open);
            end.run();
        });
    }

    /** Copies until end of stream (then half-closes {@code to}) or an error (then closes both). */
    private static void copy(SocketChannel from, SocketChannel to, Path jitter, Set<SocketChannel> open) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                if (jitter != null && Files.exists(jitter)) {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(JITTER_MILLIS + 1));
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException | InterruptedException e) {
            closeQuietly(from, open);
            closeQuietly(to, open);
        }
    }

    private static void closeQuietly(SocketChannel channel, Set<SocketChannel> open) {
        open.remove(channel);
        try {
            channel.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    private static Path classes() {
        try {
            return Path.of(NetnsRelay.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the test's listener and its connections, and ends the relay process inside the namespace. */
    @Override
    public void close() {
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
        open.forEach(channel -> closeQuietly(channel, open));
        inside.destroyForcibly();
        try {
            inside.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StartedProcesses.forget(inside);
    }
}
