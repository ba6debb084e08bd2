package io.weathersync.adapter.http.server;

import io.weathersync.adapter.http.server.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every route shares: JSON errors, security headers, the body limit, the bound port. */
class HttpNodeTest {

    private static final String TOO_LARGE = "{\"code\":413,\"message\":\"body: larger than the limit of 1048576 bytes\","
            + "\"data\":null,\"error\":\"body: larger than the limit of 1048576 bytes\"}";

    private static final MasterFixture MASTER = new MasterFixture();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(routing -> {
            MasterApi.register(routing, MASTER.deps());
            routing.get("/test/boom", (req, res) -> {
                throw new IllegalStateException("jdbc:mysql://db/weather?password=hunter2");
            });
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void serverBindsAFreePortWhenAskedForPortZero() {
        assertThat(server.port()).isPositive();
        assertThat(server.get("/api/health").status()).isEqualTo(200);
    }

    @Test
    void unknownPathIsA404InJson() {
        Reply reply = server.get("/api/nope");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.keys()).containsExactlyElementsOf(Reply.ERROR_KEYS);
        assertThat(reply.json().get("error").asText()).contains("/api/nope");
        assertThat(reply.json().get("message").asText()).isEqualTo(reply.json().get("error").asText());
        assertThat(reply.json().get("code").asInt()).isEqualTo(404);
    }

    @Test
    void unknownCascadePathIsA404InTheSameShape() {
        Reply reply = server.get("/api/v1/cascade/nope");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.keys()).containsExactlyElementsOf(Reply.ERROR_KEYS);
        assertThat(reply.json().get("code").asInt()).isEqualTo(404);
        assertThat(reply.json().get("data").isNull()).isTrue();
    }

    @Test
    void wrongMethodIsA405NamingTheAllowedOne() {
        Reply reply = server.send("DELETE", "/api/weather/latest", null, (String) null);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("GET");
        assertThat(reply.json().get("error").asText()).contains("DELETE").contains("GET");
    }

    @Test
    void unexpectedExceptionIsAGeneric500ThatRevealsNothing() {
        Reply reply = server.get("/test/boom");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.keys()).containsExactlyElementsOf(Reply.ERROR_KEYS);
        assertThat(reply.body()).doesNotContain("hunter2").doesNotContain("jdbc").doesNotContain("IllegalState");
    }

    @Test
    void everyReplyCarriesTheSecurityHeaders() {
        for (Reply reply : List.of(server.get("/api/health"), server.get("/api/nope"), server.get("/test/boom"),
                server.post("/api/publish", "{"))) {
            assertThat(reply.header("X-Content-Type-Options")).as(reply.body()).isEqualTo("nosniff");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    // The oversize requests go over a raw socket and stop after the header that gives the size away: the server
    // answers 413 without reading on, and a client still writing the body could see that answer reset.

    @Test
    void bodyOneByteOverTheLimitIsA413InJsonAndStoresNothing() throws IOException {
        long head = MASTER.log.head();

        String raw = rawExchange("POST /api/publish HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: " + MasterFixture.bearer() + "\r\n"
                + "Content-Length: " + (HttpNode.MAX_BODY_BYTES + 1) + "\r\n\r\n[");

        assertThat(raw).startsWith("HTTP/1.1 413");
        assertThat(raw.toLowerCase()).contains("content-type: application/json").contains("connection: close")
                .contains("x-content-type-options: nosniff");
        assertThat(bodyOf(raw)).isEqualTo(TOO_LARGE);
        assertThat(MASTER.log.head()).isEqualTo(head);
    }

    @Test
    void chunkedBodyOverTheLimitIsA413InJsonToo() throws IOException {
        long head = MASTER.log.head();

        String raw = rawExchange("POST /api/publish HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: " + MasterFixture.bearer() + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Long.toHexString(HttpNode.MAX_BODY_BYTES + 1) + "\r\n");

        assertThat(raw).startsWith("HTTP/1.1 413");
        assertThat(raw.toLowerCase()).contains("connection: close");
        assertThat(bodyOf(raw)).isEqualTo(TOO_LARGE);
        assertThat(MASTER.log.head()).isEqualTo(head);
    }

    @Test
    void aMalformedRequestIsA400InJson() throws IOException {
        String raw = rawExchange("GET /api/weather/latest?city=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 400");
        assertThat(raw.toLowerCase()).contains("content-type: application/json").contains("x-frame-options: deny");
        assertThat(bodyOf(raw)).startsWith("{\"code\":400,\"message\":");
    }

    @Test
    void bodyExactlyAtTheLimitIsRead() {
        String body = "[" + " ".repeat((int) HttpNode.MAX_BODY_BYTES - 2) + "]";

        Reply reply = server.post("/api/publish", body, "Authorization", MasterFixture.bearer());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("readings: must not be empty");
    }

    private static String bodyOf(String rawResponse) {
        return rawResponse.substring(rawResponse.indexOf("\r\n\r\n") + 4);
    }

    /** Sends {@code request} and reads one response (head, then Content-Length bytes of body). */
    private static String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed inside the response head: " + head);
                }
                head.append((char) b);
            }
            Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
            byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
            return head + new String(body, StandardCharsets.UTF_8);
        }
    }

    @Test
    void startingOnAPortInUseFailsWithAClearReason() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1,
                InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> HttpNode.start("127.0.0.1",
                            taken.getLocalPort(), routing -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .hasCauseInstanceOf(java.net.BindException.class);
        }
    }
}
