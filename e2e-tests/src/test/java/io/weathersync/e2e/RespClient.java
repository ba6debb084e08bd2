package io.weathersync.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RESP2 client for the test's own commands to a private Redis (CONFIG, ACL, CLIENT LIST, PUBLISH):
 * one connection per call, so a restarted server needs no reconnect logic.
 */
final class RespClient {

    private RespClient() {
    }

    /** Sends one command to {@code 127.0.0.1:port} and returns the reply (String, Long, List or null). */
    static Object call(int port, String... args) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(encode(args));
            out.flush();
            Object reply = read(new BufferedInputStream(socket.getInputStream()));
            if (reply instanceof RedisError error) {
                throw new IllegalStateException("redis " + String.join(" ", args) + ": " + error.message());
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException("redis on port " + port + " (" + args[0] + ")", e);
        }
    }

    /**
     * Sends {@code commands} in order on one connection (e.g. AUTH first) and returns the last reply; any error
     * reply fails.
     */
    static Object callAll(int port, List<List<String>> commands) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Object reply = null;
            for (List<String> command : commands) {
                out.write(encode(command.toArray(String[]::new)));
                out.flush();
                reply = read(in);
                if (reply instanceof RedisError error) {
                    throw new IllegalStateException("redis " + command.getFirst() + ": " + error.message());
                }
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException("redis on port " + port, e);
        }
    }

    /** Subscribes to {@code channel} and returns the first message published there within {@code bound}. */
    static String firstMessage(int port, String channel, Duration bound) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout((int) bound.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(encode("SUBSCRIBE", channel));
            out.flush();
            BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
            while (true) {
                if (read(in) instanceof List<?> push && push.size() == 3 && "message".equals(push.get(0))) {
                    return (String) push.get(2);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no message on " + channel + " within " + bound, e);
        }
    }

    /** Whether something answers PING on {@code port}. */
    static boolean pings(int port) {
        try {
            return "PONG".equals(call(port, "PING"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] encode(String... args) {
        StringBuilder command = new StringBuilder("*").append(args.length).append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String arg : args) {
            byte[] data = arg.getBytes(StandardCharsets.UTF_8);
            command.append('$').append(data.length).append("\r\n");
            bytes.writeBytes(command.toString().getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(data);
            command.setLength(0);
            command.append("\r\n");
        }
        bytes.writeBytes(command.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        return switch (type) {
            case '+' -> line;
            case '-' -> new RedisError(line);
            case ':' -> Long.parseLong(line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    yield null;
                }
                byte[] data = in.readNBytes(length);
                line(in);
                yield new String(data, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(line);
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(read(in));
                }
                yield items;
            }
            default -> throw new IOException("unexpected RESP type " + type + " " + line);
        };
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (previous == '\r' && b == '\n') {
                byte[] all = bytes.toByteArray();
                return new String(all, 0, all.length - 1, StandardCharsets.UTF_8);
            }
            bytes.write(b);
            previous = b;
        }
        throw new IOException("connection closed mid-reply");
    }

    private record RedisError(String message) {
    }
}
