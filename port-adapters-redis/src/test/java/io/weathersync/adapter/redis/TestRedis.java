package io.weathersync.adapter.redis;

import java.util.UUID;

/** The shared Redis the integration tests use ({@code WS_TEST_REDIS_URI}) and a channel of each test's own. */
final class TestRedis {

    private TestRedis() {
    }

    /** The shared Redis; the tests fail, not skip, when it is absent. */
    static String uri() {
        String uri = System.getenv("WS_TEST_REDIS_URI");
        return uri == null || uri.isBlank() ? "redis://127.0.0.1:6379" : uri;
    }

    /** A channel no other test (or test run) uses. */
    static String newChannel() {
        return "ws-test-" + UUID.randomUUID();
    }
}
