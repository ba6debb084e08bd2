package io.weathersync.adapter.http.client;

import io.weathersync.application.port.out.MasterRefusedException;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.wire.ChangeJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A slave's client of a master and its standbys ({@code CASCADE_PARENT_URL=a,b}): an unavailable master (down, or
 * 503) makes it try the next URL and stay there; a refusal of its credentials is not tried elsewhere.
 */
class HttpMasterClientFailoverTest {

    private static final String KEY = "CN0123456789abcdefghijklmnopqrstuv";
    private static final String SECRET = "CSs3cr3t-never-to-be-seen-in-logs-xx";
    private static final String CHANGES = "/api/v1/cascade/changes";
    private static final String EMPTY_PAGE = "{\"code\":0,\"message\":\"ok\",\"data\":{\"stream\":\"stream-1\","
            + "\"head\":0,\"complete_through\":0,\"changes\":[]}}";

    private final ChangeJson json = new ChangeJson();
    private final FakeHttpServer first = FakeHttpServer.start();
    private final FakeHttpServer second = FakeHttpServer.start();
    private HttpMasterClient client;

    @AfterEach
    void stop() {
        client.close();
        first.close();
        second.close();
    }

    private HttpMasterClient client(String... urls) {
        return new HttpMasterClient(List.of(urls), KEY, SECRET, json, Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aMasterThatIsDownIsSkippedAndTheOneThatAnswersIsKept() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        second.on(CHANGES, request -> FakeHttpServer.Response.json(200, EMPTY_PAGE));
        client = client("http://127.0.0.1:" + closed, second.baseUrl());

        ChangePage page = client.changesAfter(0, 10);
        client.changesAfter(0, 10);

        assertThat(page.stream().value()).isEqualTo("stream-1");
        assertThat(second.requests(CHANGES)).hasSize(2);
    }

    @Test
    void aStandbyAnswering503IsSkipped() {
        first.on(CHANGES, request -> FakeHttpServer.Response.json(503, "{\"error\":\"standby master\"}"));
        second.on(CHANGES, request -> FakeHttpServer.Response.json(200, EMPTY_PAGE));
        client = client(first.baseUrl(), second.baseUrl());

        assertThat(client.changesAfter(0, 10).head()).isZero();
        assertThat(first.requests(CHANGES)).hasSize(1);
        assertThat(second.requests(CHANGES)).hasSize(1);
    }

    @Test
    void refusedCredentialsAreNotTriedOnAnotherMaster() {
        first.on(CHANGES, request -> FakeHttpServer.Response.json(401, "{\"code\":401,\"message\":\"invalid\"}"));
        second.on(CHANGES, request -> FakeHttpServer.Response.json(200, EMPTY_PAGE));
        client = client(first.baseUrl(), second.baseUrl());

        assertThatThrownBy(() -> client.changesAfter(0, 10)).isInstanceOf(MasterRefusedException.class);
        assertThat(second.requests(CHANGES)).isEmpty();
    }
}
