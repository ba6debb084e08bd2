package io.weathersync.adapter.http.server;

import io.weathersync.adapter.http.client.PushAuth;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 generated hostile requests across every endpoint of a real master and slave (raw sockets, so request lines,
 * headers, chunking and bodies can be anything): never a 5xx, never a hang, the nodes stay up, and nothing any
 * request did changed either node's data, registry or sync log (no request carries a valid credential).
 */
class HostileRequestsPropertyTest {

    private static final List<String> PATHS = List.of("/", "/api/health", "/health/live", "/health/ready",
            "/api/weather/latest", "/api/weather/local", "/api/weather/history", "/api/publish", "/api/dms/status",
            "/api/dms/digest", "/api/dms/sync/receive", "/api/dms/slaves/backup1/sync", "/api/dms/slaves/{x}/sync",
            "/api/v1/cascade/nodes", "/api/v1/cascade/nodes/{x}", "/api/v1/cascade/nodes/{x}/credentials",
            "/api/v1/cascade/nodes/{x}/test-connection", "/api/v1/cascade/nodes/{x}/enable",
            "/api/v1/cascade/nodes/{x}/disable", "/api/v1/cascade/sync-logs", "/api/v1/cascade/heartbeat",
            "/api/v1/cascade/report-result", "/api/v1/cascade/changes", "/metrics", "/openapi", "/{x}");
    private static final List<String> PARAMS = List.of("city", "start", "end", "limit", "cursor", "after",
            "node_type", "node_id", "operation", "offset", "x");
    private static final List<String> VALUES = List.of("", "Beijing", "Oslo", "-1", "0", "1", "999999999999999999999",
            "-999999999-01-01", "+999999999-12-31", "2026-11-23", "2026-11-23T10:00:00Z", "%00", "%0d%0aX:1", "%ff",
            "%C3%A9t%C3%A9", "null", "true", "1e309", "NaN", "[]", "{}", "a%20b", "%", "%zz");
    private static final List<String> FIELDS = List.of("city", "temp", "humidity", "timestamp", "stream", "seq", "v",
            "sig", "kind", "name", "node_type", "api_url", "api_key", "api_secret", "start_date", "end_date",
            "applied_seq", "uptime", "port", "results", "task_id", "description", "is_active", "page", "changes");
    private static final List<String> JSON_VALUES = List.of("null", "true", "0", "-1", "1e400", "-1e400",
            "123456789012345678901234567890", "\"\"", "\"Beijing\"", "\"\\u0000\"", "\"CN123\\n\"", "\"\\r\\nX: 1\"",
            "\"-999999999-01-01\"", "\"2026-11-23T10:00:00Z\"", "[]", "{}", "[1,2,3]", "{\"a\":{\"b\":[null]}}",
            "\"\\ud800\"", "\"é\"", "1.5", "101", "-101", "\"http://127.0.0.1:1\"");
    private static final List<String> AUTHS = List.of("", "Bearer", "Bearer wrong", "Bearer " + "x".repeat(5000),
            "AK-SK", "AK-SK :", "AK-SK CNx:CSy", "AK-SK CN" + "a".repeat(32) + ":CS" + "b".repeat(32), "Basic Zm9vOmJhcg==",
            "bearer \u00e9", "AK-SK a:b:c");
    private static final Map<String, AtomicLong> CLASSES = new ConcurrentHashMap<>();
    private static SyncPair pair;
    private static State before;

    @BeforeContainer
    static void start() {
        pair = new SyncPair();
        before = State.of(pair);
    }

    @AfterContainer
    static void stop() {
        try {
            System.out.println("hostile requests by answer: " + new TreeMap<>(Map.copyOf(CLASSES)));
            assertThat(pair.masterServer.get("/api/health").status()).isEqualTo(200);
            assertThat(pair.slaveServer.get("/api/health").status()).isEqualTo(200);
            assertThat(State.of(pair)).isEqualTo(before);
        } finally {
            pair.close();
        }
    }

    @Property(tries = 10_000)
    void noHostileRequestGetsA5xxHangsOrChangesAnything(@ForAll("requests") Request request, @ForAll boolean master)
            throws IOException {
        int port = master ? pair.masterServer.port() : pair.slaveServer.port();
        String status = exchange(port, request.bytes());
        CLASSES.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();

        assertThat(status).as(request.toString()).isNotEqualTo("5xx").isNotEqualTo("hang");
        assertThat(State.of(pair)).as(request.toString()).isEqualTo(before);
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE",
                "G\u00c9T", "");
        Arbitrary<String> path = Combinators.combine(Arbitraries.of(PATHS), segment())
                .as((template, x) -> template.replace("{x}", x));
        Arbitrary<String> query = Combinators.combine(Arbitraries.of(PARAMS), Arbitraries.of(VALUES),
                Arbitraries.integers().between(0, 2)).as((name, value, form) -> switch (form) {
                    case 0 -> name;
                    case 1 -> name + "=" + value;
                    default -> name + "=" + value + "&" + name + "=" + value;
                }).list().ofMaxSize(4).map(parts -> parts.isEmpty() ? "" : "?" + String.join("&", parts));
        Arbitrary<String> headers = Combinators.combine(Arbitraries.of(AUTHS), contentType(), pushHeaders(),
                Arbitraries.of("", "Origin: https://evil.example\r\n", "X-Forwarded-For: 1.2.3.4\r\n",
                        "X-Bad: \u0001\r\n", "Expect: 100-continue\r\n", "Host: a\r\n", "Content-Length: -1\r\n",
                        ("X-Big: " + "h".repeat(20_000) + "\r\n")))
                .as((auth, type, push, extra) -> (auth.isEmpty() ? "" : "Authorization: " + auth + "\r\n") + type
                        + push + extra);
        return Combinators.combine(method, path, query, headers, body(), Arbitraries.of(false, false, true))
                .as(Request::new);
    }

    private static Arbitrary<String> segment() {
        return Arbitraries.oneOf(Arbitraries.of("backup1", "1", "0", "-1", "%2e%2e", "..", "%00", "a%2Fb", "%",
                "x".repeat(3000)), Arbitraries.strings().withCharRange('!', '~').excludeChars('?', '#', ' ')
                .ofMaxLength(12));
    }

    private static Arbitrary<String> contentType() {
        return Arbitraries.of("", "Content-Type: application/json\r\n", "Content-Type: text/plain\r\n",
                "Content-Type: application/json; charset=utf-16\r\n", "Content-Type: application/x+json\r\n",
                "Content-Type: ;;;\r\n");
    }

    private static Arbitrary<String> pushHeaders() {
        return Arbitraries.of("", PushAuth.TIME_HEADER + ": 0\r\n" + PushAuth.BODY_HEADER + ": 00\r\n"
                + PushAuth.SIGNATURE_HEADER + ": AAAA\r\n", PushAuth.TIME_HEADER + ": "
                + (System.currentTimeMillis() / 1000) + "\r\n" + PushAuth.BODY_HEADER + ": x\r\n"
                + PushAuth.SIGNATURE_HEADER + ": !!\r\n", PushAuth.TIME_HEADER + ": 99999999999999999999\r\n");
    }

    private static Arbitrary<String> body() {
        Arbitrary<String> object = Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(JSON_VALUES))
                .as((name, value) -> "\"" + name + "\":" + value).list().ofMaxSize(8)
                .map(fields -> "{" + String.join(",", fields) + "}");
        return Arbitraries.oneOf(Arbitraries.just(""), object, object.map(o -> "[" + o + "," + o + "]"),
                Arbitraries.strings().ofMaxLength(200), Arbitraries.of("{", "[", "\"", "{\"a\":", "[[[[[[[[[[[[[[[[",
                        "{\"kind\":\"catch_up\",\"page\":{}}", "[" + "[".repeat(5000) + "]".repeat(5000) + "]"));
    }

    /** Sends {@code request} and says what came back: {@code 2xx}…{@code 5xx}, {@code closed}, or {@code hang}. */
    private static String exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException refusedEarly) {
                // the server may answer and close before the whole request is written
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            try {
                for (int b; head.size() < 12 && (b = in.read()) >= 0; ) {
                    head.write(b);
                }
            } catch (SocketTimeoutException e) {
                return "hang";
            } catch (IOException e) {
                // reset after (or instead of) an answer
            }
            String line = head.toString(StandardCharsets.ISO_8859_1);
            if (!line.startsWith("HTTP/1.1 ") || line.length() < 10) {
                return "closed";
            }
            return line.charAt(9) + "xx";
        }
    }

    /** One generated request. */
    record Request(String method, String path, String query, String headers, String body, boolean chunked) {

        byte[] bytes() {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder text = new StringBuilder(method).append(' ').append(path).append(query)
                    .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n").append(headers);
            if (chunked) {
                // A chunk size that may or may not match, sometimes not hex at all.
                String size = body.length() % 3 == 0 ? "zz" : Integer.toHexString(content.length);
                text.append("Transfer-Encoding: chunked\r\n\r\n").append(size).append("\r\n");
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                all.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
                all.writeBytes(content);
                all.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return all.toByteArray();
            }
            if (!body.isEmpty()) {
                text.append("Content-Length: ").append(content.length).append("\r\n");
            }
            text.append("\r\n");
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
            all.writeBytes(content);
            return all.toByteArray();
        }

        @Override
        public String toString() {
            String shown = method + " " + path + query + " [" + headers.replace("\r\n", " | ") + "] "
                    + (chunked ? "chunked " : "") + body;
            return shown.length() > 600 ? shown.substring(0, 600) + "…" : shown;
        }
    }

    /** What no rejected request may change: both nodes' data, the registry and its sync log. */
    record State(String masterDigest, String slaveDigest, long head, int nodes, int syncLogs) {

        static State of(SyncPair pair) {
            return new State(pair.master.log.digest().toString(), pair.replica.digest().toString(),
                    pair.master.log.head(), pair.master.nodes.list(java.util.Optional.empty()).size(),
                    pair.master.syncLog(java.util.Optional.empty()).size());
        }
    }
}
