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
    void wrongSecretsMeet429ButTheRightOneFromTheSameAddressIsStillAdmitted() {
        String wrong = "AK-SK " + slave.apiKey() + ":CS" + "0".repeat(32);
        for (int i = 0; i < AuthThrottle.DEFAULT_MAX_FAILURES; i++) {
            assertThat(server.get("/api/v1/cascade/changes", AUTH, wrong).status()).isEqualTo(401);
        }
        MASTER.clock.advance(Duration.ofSeconds(15));

        Reply throttled = server.get("/api/v1/cascade/changes", AUTH, wrong);
        Reply right = server.post("/api/v1/cascade/heartbeat", "{}", AUTH, MasterFixture.akSk(slave));
        Reply admin = server.get("/api/v1/cascade/nodes", AUTH, MasterFixture.bearer());

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("45");
        assertThat(throttled.keys()).containsExactlyElementsOf(Reply.ERROR_KEYS);
        assertThat(throttled.json().get("code").asInt()).isEqualTo(429);
        assertThat(right.status()).as("no lock-out: the slave's own secret from the attacked address").isEqualTo(200);
        assertThat(admin.status()).as("nor the operator's token from the same address").isEqualTo(200);
    }

    @Test
    void wrongAdminTokensFromOneAddressMeet429WhileTheCorrectTokenFromItGets200() {
        MasterFixture master = new MasterFixture();
        try (TestServer own = TestServer.start(routing -> MasterApi.register(routing, master.deps(
                Optional.of(MasterFixture.ADMIN_TOKEN), AuthThrottle.standard(master.clock), List.of())))) {
            for (int i = 0; i < AuthThrottle.DEFAULT_MAX_FAILURES; i++) {
                assertThat(own.get("/api/v1/cascade/nodes", AUTH, "Bearer guess-" + i).status()).isEqualTo(401);
            }
            Reply guess = own.get("/api/v1/cascade/nodes", AUTH, "Bearer guess-x");
            Reply correct = own.get("/api/v1/cascade/nodes", AUTH, MasterFixture.bearer());

            assertThat(guess.status()).isEqualTo(429);
            assertThat(guess.header("Retry-After")).isEqualTo("60");
            assertThat(correct.status()).as(correct.body()).isEqualTo(200);
        }
    }

    @Test
    void distributedGuessingMeets429AfterTheGlobalCap() {
        MasterFixture master = new MasterFixture();
        AuthThrottle throttle = AuthThrottle.standard(master.clock);
        try (TestServer own = TestServer.start(routing -> MasterApi.register(routing, master.deps(
                Optional.of(MasterFixture.ADMIN_TOKEN), throttle, List.of())))) {
            // Every test client is 127.0.0.1 (X-Forwarded-For is not trusted), so the other 200 addresses' guesses,
            // 10 each, are counted on the server's own throttle as its guards count them.
            int answered401 = 0;
            for (int address = 0; address < 200; address++) {
                for (int i = 0; i < 10; i++) {
                    if (throttle.failed("10.1." + address + ".1", "admin token " + address + "/" + i).isEmpty()) {
                        answered401++;
                    }
                }
            }
            Reply guess = own.get("/api/v1/cascade/nodes", AUTH, "Bearer one-more-guess");
            Reply correct = own.get("/api/v1/cascade/nodes", AUTH, MasterFixture.bearer());

            assertThat(answered401).as("of 2,000 guesses from 200 addresses, answered 401")
                    .isEqualTo(AuthThrottle.DEFAULT_MAX_GLOBAL_FAILURES);
            assertThat(guess.status()).isEqualTo(429);
            assertThat(correct.status()).as("the operator is not locked out").isEqualTo(200);
        }
    }
}
