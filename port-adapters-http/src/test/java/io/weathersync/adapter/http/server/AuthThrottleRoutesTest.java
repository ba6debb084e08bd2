package io.weathersync.adapter.http.server;

import io.weathersync.adapter.http.server.TestServer.Reply;
import io.weathersync.domain.cluster.IssuedCredential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A burst of failed authentications from one address earns 429 with Retry-After until the window passes. */
class AuthThrottleRoutesTest {

    private static final MasterFixture MASTER = new MasterFixture();
    private static final String AUTH = "Authorization";
    private static IssuedCredential slave;
    private static TestServer server;

    @BeforeAll
    static void start() {
        slave = MASTER.slave("backup1");
        server = TestServer.start(routing -> MasterApi.register(routing, MASTER.deps(
                Optional.of(MasterFixture.ADMIN_TOKEN), AuthThrottle.standard(MASTER.clock), List.of())));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBurstOfWrongSecretsIsThrottledEvenForTheRightOneUntilTheWindowPassesButNotTheAdmin() {
        String wrong = "AK-SK " + slave.apiKey() + ":CS" + "0".repeat(32);
        for (int i = 0; i < AuthThrottle.DEFAULT_MAX_FAILURES; i++) {
            assertThat(server.get("/api/v1/cascade/changes", AUTH, wrong).status()).isEqualTo(401);
        }
        MASTER.clock.advance(Duration.ofSeconds(15));

        Reply throttled = server.get("/api/v1/cascade/changes", AUTH, wrong);
        Reply rightButThrottled = server.post("/api/v1/cascade/heartbeat", "{}", AUTH, MasterFixture.akSk(slave));
        Reply admin = server.get("/api/v1/cascade/nodes", AUTH, MasterFixture.bearer());

        assertThat(admin.status()).as("slaves failing must not lock the operator out").isEqualTo(200);
        for (Reply reply : List.of(throttled, rightButThrottled)) {
            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.header("Retry-After")).isEqualTo("45");
            assertThat(reply.keys()).containsExactlyElementsOf(Reply.ERROR_KEYS);
            assertThat(reply.json().get("code").asInt()).isEqualTo(429);
        }
        assertThat(MASTER.registry.lastHeartbeats()).isEmpty();

        MASTER.clock.advance(Duration.ofSeconds(45));

        assertThat(server.post("/api/v1/cascade/heartbeat", "{}", AUTH, MasterFixture.akSk(slave)).status())
                .isEqualTo(200);
        assertThat(MASTER.registry.lastHeartbeats()).hasSize(1);
    }

    @Test
    void aBurstOfWrongAdminTokensIsThrottledOnThePlainApiToo() {
        MasterFixture master = new MasterFixture();
        try (TestServer own = TestServer.start(routing -> MasterApi.register(routing, master.deps(
                Optional.of(MasterFixture.ADMIN_TOKEN), AuthThrottle.standard(master.clock), List.of())))) {
            for (int i = 0; i < AuthThrottle.DEFAULT_MAX_FAILURES; i++) {
                assertThat(own.post("/api/publish", "{}", AUTH, "Bearer guess-" + i).status()).isEqualTo(401);
            }

            Reply reply = own.post("/api/publish", "{}", AUTH, MasterFixture.bearer());

            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.header("Retry-After")).isEqualTo("60");
            assertThat(reply.keys()).containsExactlyElementsOf(Reply.ERROR_KEYS);
            assertThat(master.log.head()).isZero();
        }
    }
}
