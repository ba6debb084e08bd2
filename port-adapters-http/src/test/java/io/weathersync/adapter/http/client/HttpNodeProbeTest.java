package io.weathersync.adapter.http.client;

import io.weathersync.adapter.http.client.FakeHttpServer.Response;
import io.weathersync.domain.cluster.ProbeResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class HttpNodeProbeTest {

    private static final String STATUS = "/api/dms/status";
    private final FakeHttpServer node = FakeHttpServer.start();
    private final HttpNodeProbe probe = new HttpNodeProbe(Duration.ofMillis(500));

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void answeringNodeIsReachableWithItsRoleAndTheCredentialIsSent() {
        node.on(STATUS, request -> Response.json(200, "{\"nodes\":[],\"total_nodes\":0,\"online_nodes\":0}")
                .withHeader(HttpNodeProbe.ROLE_HEADER, "slave"));

        ProbeResult result = probe.probe(node.baseUrl() + "/", "CNkey", "CSsecret");

        assertThat(result.reachable()).isTrue();
        assertThat(result.role()).isEqualTo("slave");
        assertThat(result.latencyMs()).isNotNegative();
        assertThat(node.requests(STATUS).getFirst().header("Authorization")).isEqualTo("AK-SK CNkey:CSsecret");
    }

    @Test
    void refusingNodeIsUnreachableWithItsStatus() {
        node.on(STATUS, request -> Response.json(401, "{\"code\":401}"));

        ProbeResult result = probe.probe(node.baseUrl(), "CNkey", "CSwrong");

        assertThat(result.reachable()).isFalse();
        assertThat(result.detail()).isEqualTo("HTTP 401");
    }

    @Test
    void slowNodeTimesOutAndNoneListeningIsRefused() throws Exception {
        node.on(STATUS, request -> Response.json(200, "{}").after(Duration.ofSeconds(3)));
        assertThat(probe.probe(node.baseUrl(), "k", "s").reachable()).isFalse();

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProbeResult refused = probe.probe("http://127.0.0.1:" + closedPort, "k", "s");
        assertThat(refused.reachable()).isFalse();
        assertThat(refused.detail()).isNotEmpty();
    }

    @Test
    void malformedUrlIsReportedWithoutACall() {
        ProbeResult result = probe.probe("ftp://nowhere", "k", "s");

        assertThat(result.reachable()).isFalse();
        assertThat(result.detail()).contains("api_url");
    }
}
