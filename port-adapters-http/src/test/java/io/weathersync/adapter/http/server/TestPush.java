package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRouting;
import io.weathersync.adapter.http.client.PushAuth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/** The push key and slave protections the HTTP tests share: {@link TestServer} signs pushes with {@link #AUTH}. */
final class TestPush {

    static final PushAuth AUTH = PushAuth.withKey("a test push key, 32 bytes long!!".getBytes(StandardCharsets.UTF_8),
            Clock.systemUTC());
    /** A slave that admits {@link #AUTH}'s pushes and {@link MasterFixture#ADMIN_TOKEN} as its own admin token. */
    static final Protections SLAVE = new Protections(AUTH, Optional.of(MasterFixture.ADMIN_TOKEN));

    private TestPush() {
    }

    /** Registers a slave's API with {@link #SLAVE}. */
    static void register(HttpRouting.Builder routing, SlaveApi.Dependencies deps) {
        SlaveApi.register(routing, deps, SLAVE);
    }
}
