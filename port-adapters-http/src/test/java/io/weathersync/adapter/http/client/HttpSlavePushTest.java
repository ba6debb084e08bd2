package io.weathersync.adapter.http.client;

import io.weathersync.adapter.http.client.FakeHttpServer.Response;
import io.weathersync.application.port.out.PushFailedException;
import io.weathersync.domain.message.SignedPush;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncPush;
import io.weathersync.wire.ChangeJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static io.weathersync.testing.TestReadings.changes;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The master's push of one signed page to a (fake) slave over a real socket. */
class HttpSlavePushTest {

    private static final String RECEIVE = "/api/dms/sync/receive";
    private static final StreamId STREAM = new StreamId("stream-1");
    private static final SignedPush PUSH = new SignedPush(new SyncPush(SyncPush.Kind.CATCH_UP, 4,
            new ChangePage(STREAM, 9, changes(STREAM, 5, List.of(reading("City5", 0, 1), reading("City7", 0, 2))), 7)),
            "c2ln");

    private final ChangeJson json = new ChangeJson();
    private final FakeHttpServer slave = FakeHttpServer.start();
    private final HttpSlavePush push = new HttpSlavePush(json, PushAuth.withKey(new byte[32], java.time.Clock.systemUTC()), Duration.ofSeconds(1), Duration.ofMillis(500));

    @AfterEach
    void stop() {
        push.close();
        slave.close();
    }

    @Test
    void thePageIsPostedToReceiveAsJsonAndA2xxIsSuccess() {
        slave.on(RECEIVE, request -> Response.json(200, "{\"result\":\"success\",\"written\":2}"));

        push.push(slave.baseUrl() + "/", PUSH);

        FakeHttpServer.Request request = slave.requests().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(RECEIVE);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-Master-Stream")).isEqualTo("stream-1");
        assertThat(json.parsePush(request.body())).isEqualTo(PUSH);
    }

    @Test
    void aRefusedPageFailsNamingTheStatusAndTheSlavesReason() {
        slave.on(RECEIVE, request -> Response.json(403, "{\"error\":\"sig: missing or does not verify\"}"));

        assertFails(slave.baseUrl(), "push to " + slave.baseUrl() + RECEIVE, "slave answered HTTP 403",
                "sig: missing or does not verify");
    }

    @Test
    void aServerErrorWithoutJsonFailsNamingTheStatus() {
        slave.on(RECEIVE, request -> Response.json(500, "<html>oops</html>"));

        assertFails(slave.baseUrl(), "slave answered HTTP 500");
    }

    @Test
    void anUnreachableSlaveFailsSayingSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertFails("http://127.0.0.1:" + closedPort, "slave unreachable");
    }

    @Test
    void aSlaveTooSlowToAnswerHitsTheTimeout() {
        slave.on(RECEIVE, request -> Response.json(200, "{}").after(Duration.ofSeconds(20)));
        long started = System.nanoTime();

        assertFails(slave.baseUrl(), "did not answer within 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anUnusableApiUrlFailsWithoutEchoingIt() {
        assertThatThrownBy(() -> push.push("ftp://user:s3cret@host", PUSH)).isInstanceOf(PushFailedException.class)
                .hasMessageContaining("api_url").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> push.push(null, PUSH)).isInstanceOf(PushFailedException.class)
                .hasMessageContaining("api_url");
    }

    @Test
    void userInfoInTheApiUrlIsNotShownInFailures() {
        slave.on(RECEIVE, request -> Response.json(409, "{\"error\":\"busy\"}"));
        String withUser = slave.baseUrl().replace("http://", "http://admin:s3cret@");

        assertThatThrownBy(() -> push.push(withUser, PUSH)).isInstanceOf(PushFailedException.class)
                .hasMessageNotContaining("s3cret");
    }

    private void assertFails(String apiUrl, String... texts) {
        assertThatThrownBy(() -> push.push(apiUrl, PUSH)).isInstanceOf(PushFailedException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(texts));
    }
}
