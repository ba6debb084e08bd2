package io.weathersync.adapter.http.server;

import io.weathersync.adapter.http.server.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The inputs that once answered 500: each is now a 400 whose JSON names the problem, and changes nothing. */
class HostileInputTest {

    private static SyncPair pair;

    @BeforeAll
    static void start() {
        pair = new SyncPair();
    }

    @AfterAll
    static void stop() {
        pair.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/weather/latest?city", "/api/weather/history?city", "/api/weather/history?city=Oslo&limit",
            "/api/weather/history?city=Oslo&after", "/api/dms/status?x", "/api/weather/local?city"})
    void aQueryParameterWithoutAnEqualsSignIsA400(String path) {
        for (TestServer server : new TestServer[] {pair.masterServer, pair.slaveServer}) {
            Reply reply = server.get(path);
            assertThat(reply.status()).as(path + " " + reply.body()).isBetween(200, 499);
        }
    }

    @Test
    void aNodeListFilterWithoutValueIsA400() {
        Reply reply = pair.masterServer.get("/api/v1/cascade/nodes?node_type", "Authorization", MasterFixture.bearer());
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        Reply logs = pair.masterServer.get("/api/v1/cascade/sync-logs?limit", "Authorization", MasterFixture.bearer());
        assertThat(logs.status()).as(logs.body()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CN123\\n", "CN\\u00e9t\\u00e9", "CN\\u0007bell", "CN\\r\\nX-Forged: 1"})
    void controlOrNonAsciiCharactersInTestConnectionCredentialsAreA400(String key) {
        String id = pair.slave.nodeId();
        for (String field : new String[] {"api_key", "api_secret"}) {
            Reply reply = pair.masterServer.post("/api/v1/cascade/nodes/" + id + "/test-connection",
                    "{\"" + field + "\":\"" + key + "\"}", "Authorization", MasterFixture.bearer());
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().get("message").asText()).startsWith(field + ":");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01", "+999999999-12-31", "-999999999-01-01T00:00:00Z"})
    void extremeDatesInASyncRequestAreA400(String date) {
        String before = SyncPair.digest(pair.slaveServer);
        for (String field : new String[] {"start_date", "end_date"}) {
            Reply reply = pair.masterServer.post("/api/dms/slaves/backup1/sync", "{\"" + field + "\":\"" + date + "\"}",
                    "Authorization", MasterFixture.bearer());
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().get("message").asText()).contains(field);
        }
        assertThat(SyncPair.digest(pair.slaveServer)).isEqualTo(before);
    }

    @Test
    void aMalformedChunkSizeIsA400() throws IOException {
        String request = "POST /api/v1/cascade/nodes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Authorization: " + MasterFixture.bearer() + "\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
        String answer = raw(pair.masterServer.port(), request);
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("\"code\":400");
    }

    @Test
    void aMethodWithNonAsciiCharactersIsA400() throws IOException {
        String answer = raw(pair.slaveServer.port(), "G\u00c9T / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("malformed request");
    }

    static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // the server may reset after answering
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
