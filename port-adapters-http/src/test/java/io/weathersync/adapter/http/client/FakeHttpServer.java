package io.weathersync.adapter.http.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a free loopback port (JDK {@code com.sun.net.httpserver}) that answers what a test
 * scripts per path and records every request; stands in for weather APIs, a master or a slave.
 */
public final class FakeHttpServer implements AutoCloseable {

    /** A request as received. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

        /** The first value of a header (case-insensitive), or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The decoded query parameters (first value of each). */
        public Map<String, String> params() {
            Map<String, String> params = new LinkedHashMap<>();
            if (query != null) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    String name = eq < 0 ? pair : pair.substring(0, eq);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    params.putIfAbsent(name, value);
                }
            }
            return params;
        }
    }

    /**
     * What to answer.
     *
     * @param status    the status
     * @param headers   extra headers
     * @param body      the body
     * @param delay     wait this long before answering (ended early by {@link #close()})
     * @param stallBody send the headers and the first half of the body, then stall until closed
     */
    public record Response(int status, Map<String, String> headers, String body, Duration delay, boolean stallBody) {

        /** A JSON answer. */
        public static Response json(int status, String body) {
            return new Response(status, Map.of("Content-Type", "application/json; charset=utf-8"), body,
                    Duration.ZERO, false);
        }

        /** The same answer with one more header. */
        public Response withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, more, body, delay, stallBody);
        }

        /** The same answer, after {@code wait}. */
        public Response after(Duration wait) {
            return new Response(status, headers, body, wait, stallBody);
        }

        /** The same answer, whose body stalls halfway until the server closes. */
        public Response stalling() {
            return new Response(status, headers, body, delay, true);
        }
    }

    /** Scripts the answer to one request. */
    @FunctionalInterface
    public interface Handler {
        /** The answer to {@code request}. */
        Response answer(Request request) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private FakeHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** A started server with no handlers (every path answers 404). */
    public static FakeHttpServer start() {
        return new FakeHttpServer();
    }

    /** Answers requests to exactly {@code path} with {@code handler}. */
    public FakeHttpServer on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Stops answering {@code path} (it answers 404 again). */
    public FakeHttpServer off(String path) {
        handlers.remove(path);
        return this;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Every request so far. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests to {@code path} so far. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits (until the server closes) for at most {@code timeout}; for handlers that hang. */
    public void hang(Duration timeout) throws InterruptedException {
        closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Handler handler = handlers.get(request.path());
            Response response = handler == null
                    ? Response.json(404, "{\"error\":\"no handler for " + request.path() + "\"}")
                    : handler.answer(request);
            if (!response.delay().isZero() && closed.await(response.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                OutputStream out = exchange.getResponseBody();
                if (response.stallBody()) {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    closed.await();
                    return;
                }
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (e.g. it timed out): nothing to answer.
        } catch (Exception e) {
            throw new IOException("handler failed", e);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
