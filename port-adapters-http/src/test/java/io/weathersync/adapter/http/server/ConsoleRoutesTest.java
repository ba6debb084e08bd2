package io.weathersync.adapter.http.server;

import io.weathersync.application.port.in.CollectionReport;
import io.weathersync.application.port.in.PollStatus;
import io.weathersync.application.port.in.PublishResult;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.FreeTier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console's pages at {@code /} beside the master's API (which they never shadow), the chart library from
 * its WebJar, {@code GET /api/dms/poll}, and pages written for a strict Content-Security-Policy.
 */
class ConsoleRoutesTest {

    private static final MasterFixture MASTER = new MasterFixture();
    private static final Instant ENDED = Instant.parse("2026-11-23T09:59:00Z");
    private static final AtomicReference<Optional<PollStatus.Cycle>> LAST = new AtomicReference<>(Optional.empty());
    private static final List<String> SCRIPTS = List.of("main.js", "api.js", "dom.js", "status.js", "poll.js",
            "data.js", "chart.js", "history.js", "actions.js");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(routing -> {
            MasterApi.register(routing, MASTER.deps());
            Console.registerPoll(routing, () -> new PollStatus("open-meteo", 56, Duration.ofSeconds(486), 9968,
                    List.of(new FreeTier(10_000, Duration.ofDays(1))), true, LAST.get()));
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theConsoleIsServedAtTheRootAsHtml() {
        TestServer.Reply reply = server.get("/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/html");
        assertThat(reply.body()).contains("<title>weather-sync console</title>").contains("js/main.js");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("Content-Security-Policy")).contains("default-src 'self'")
                .contains("script-src 'self';").contains("style-src 'self';").doesNotContain("unsafe");
    }

    @Test
    void scriptsStylesAndTheChartLibraryComeFromTheJar() {
        for (String script : SCRIPTS) {
            TestServer.Reply reply = server.get("/js/" + script);
            assertThat(reply.status()).as(script).isEqualTo(200);
            assertThat(reply.header("Content-Type")).as(script).contains("javascript");
        }
        assertThat(server.get("/console.css").header("Content-Type")).startsWith("text/css");
        assertThat(server.get("/vendor/uplot/uPlot.iife.min.js").status()).isEqualTo(200);
        assertThat(server.get("/vendor/uplot/uPlot.min.css").status()).isEqualTo(200);
        assertThat(Console.uplotVersion()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void theApiIsNotShadowedAndUnknownPathsStayJson404s() {
        assertThat(server.get("/api/dms/status").header("Content-Type")).startsWith("application/json");
        TestServer.Reply missing = server.get("/no-such-page.html");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("no such endpoint: GET /no-such-page.html");
        assertThat(server.get("/../../pom.xml").status()).isIn(400, 404);
    }

    @Test
    void pollStatusTellsTheScheduleAndTheLastCycle() {
        LAST.set(Optional.empty());
        TestServer.Reply before = server.get("/api/dms/poll");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.keys()).containsExactly("source", "cities", "interval_s", "requests_per_day", "free_tiers",
                "within_free_tiers", "last_cycle");
        assertThat(before.json().get("requests_per_day").asLong()).isEqualTo(9968);
        assertThat(before.json().get("free_tiers").get(0).get("period_s").asLong()).isEqualTo(86_400);
        assertThat(before.json().get("last_cycle").isNull()).isTrue();

        LAST.set(Optional.of(new PollStatus.Cycle(ENDED, new CollectionReport(55, new PublishResult(55, 12, 1, 12),
                Map.of(new City("Atlantis"), "unknown city"), Duration.ofMillis(840)))));
        var cycle = server.get("/api/dms/poll").json().get("last_cycle");
        assertThat(cycle.get("ended_at").asText()).isEqualTo("2026-11-23T09:59:00Z");
        assertThat(cycle.get("readings").asInt()).isEqualTo(55);
        assertThat(cycle.get("changes").asInt()).isEqualTo(12);
        assertThat(cycle.get("failed_cities").asInt()).isEqualTo(1);
        assertThat(cycle.get("causes").get(0).get("cause").asText()).isEqualTo("unknown city");
        assertThat(server.post("/api/dms/poll", "{}").status()).isEqualTo(405);
    }

    /** No inline script or style, no eval, no HTML from strings: the pages work under {@code default-src 'self'}. */
    @Test
    void pagesNeedNothingAStrictContentSecurityPolicyForbids() throws IOException {
        String html = resource("index.html");
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(html).doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=")
                .doesNotContain("<style").doesNotContain("javascript:");
        for (String script : SCRIPTS) {
            assertThat(resource("js/" + script)).as(script)
                    .doesNotContain("eval(").doesNotContain("new Function").doesNotContain("innerHTML")
                    .doesNotContain("setAttribute('style'").doesNotContain("document.cookie")
                    .doesNotContain("localStorage");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Console.class.getClassLoader().getResourceAsStream(Console.PAGES + "/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
