package io.weathersync.adapter.http.server;

import io.weathersync.adapter.http.server.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 004's protections: security headers on every reply, CORS for allowed origins only, per-client rate limits. */
class ClientProtectionsTest {

    private static final MasterFixture MASTER = new MasterFixture();
    private static final String CONSOLE = "https://console.example";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(routing -> MasterApi.register(routing, MASTER.deps(),
                new Protections(TestPush.AUTH, Optional.empty(), List.of(CONSOLE), 20, 5)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyReplyCarriesTheSecurityHeadersErrorsToo() {
        for (Reply reply : List.of(server.get("/api/health"), server.get("/no/such/path"),
                server.post("/api/publish", "{}"))) {
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("Content-Security-Policy")).contains("default-src 'self'")
                    .contains("frame-ancestors 'none'").contains("object-src 'none'");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void anAllowedOriginGetsCorsHeadersAndAnotherNone() {
        Reply allowed = server.get("/api/health", "Origin", CONSOLE);
        Reply other = server.get("/api/health", "Origin", "https://evil.example");

        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aPreflightIsAnsweredForAnAllowedOriginAndRefusedForAnother() {
        Reply allowed = server.send("OPTIONS", "/api/publish", null, (String) null, "Origin", CONSOLE,
                "Access-Control-Request-Method", "POST");
        Reply other = server.send("OPTIONS", "/api/publish", null, (String) null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");

        assertThat(allowed.status()).isEqualTo(204);
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("message").asText()).contains("not allowed");
    }

    @Test
    void byDefaultNoOriginIsAllowed() {
        try (TestServer plain = TestServer.start(routing -> MasterApi.register(routing, MASTER.deps()))) {
            assertThat(plain.get("/api/health", "Origin", CONSOLE).header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfter() throws InterruptedException {
        Thread.sleep(1100); // a fresh second for this test's budget
        int ok = 0;
        Reply refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            Reply reply = server.get("/api/dms/status");
            if (reply.status() == 429) {
                refused = reply;
            } else {
                ok++;
            }
        }
        assertThat(refused).as("40 reads at once, 20 a second allowed").isNotNull();
        assertThat(ok).isBetween(15, 25);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.keys()).containsExactlyElementsOf(Reply.ERROR_KEYS);
        Thread.sleep(1100);
        assertThat(server.get("/api/dms/status").status()).as("the next second").isEqualTo(200);
    }
}
