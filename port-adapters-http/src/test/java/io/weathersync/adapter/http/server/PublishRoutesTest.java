package io.weathersync.adapter.http.server;

import io.weathersync.adapter.http.server.TestServer.Reply;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import static io.weathersync.adapter.http.server.MasterFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/publish} on the master: admin only, all readings validated before any is stored. */
class PublishRoutesTest {

    private static final MasterFixture MASTER = new MasterFixture();
    private static final String AUTH = "Authorization";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(routing -> MasterApi.register(routing, MASTER.deps()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void oneReadingIsStoredAndAnswered() {
        long head = MASTER.log.head();

        Reply reply = server.post("/api/publish",
                "{\"city\":\"Lima\",\"temp\":18.5,\"humidity\":77,\"timestamp\":\"2026-11-23T09:00:00Z\"}",
                AUTH, MasterFixture.bearer());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.keys()).containsExactly("result", "accepted", "changes", "first_seq", "last_seq");
        assertThat(reply.json().get("result").asText()).isEqualTo("success");
        assertThat(reply.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(reply.json().get("changes").asInt()).isEqualTo(1);
        assertThat(reply.json().get("first_seq").asLong()).isEqualTo(head + 1);
        assertThat(reply.json().get("last_seq").asLong()).isEqualTo(head + 1);
        WeatherReading stored = MASTER.log.latest(new City("Lima")).orElseThrow();
        assertThat(stored.temperature()).isEqualTo(18.5);
        assertThat(stored.source()).isEqualTo(PublishRoutes.DEFAULT_SOURCE);
    }

    @Test
    void anArrayIsStoredAsOneBatchAndARepeatIsNoChange() {
        String body = "[" + reading("Quito", "2026-11-23T08:00:00Z", "12", "60") + ","
                + reading("Quito", "2026-11-23T09:00:00Z", "13", "61") + "]";
        Reply first = server.post("/api/publish", body, AUTH, MasterFixture.bearer());
        Reply again = server.post("/api/publish", body, AUTH, MasterFixture.bearer());

        assertThat(first.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(first.json().get("changes").asInt()).isEqualTo(2);
        assertThat(first.json().get("last_seq").asLong() - first.json().get("first_seq").asLong()).isEqualTo(1);
        assertThat(again.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(again.json().get("changes").asInt()).isZero();
        assertThat(again.json().get("first_seq").asLong()).isZero();
        assertThat(MASTER.log.latest(new City("quito")).orElseThrow().temperature()).isEqualTo(13);
    }

    @Test
    void oneInvalidReadingInAnArrayStoresNone() {
        String body = "[" + reading("Cusco", "2026-11-23T08:00:00Z", "12", "60") + ","
                + reading("Cusco", "2026-11-23T09:00:00Z", "13", "150") + "]";

        Reply reply = assertRejected(body, 400);

        assertThat(reply.json().get("error").asText()).startsWith("readings[1].humidity:");
        assertThat(MASTER.log.latest(new City("Cusco"))).isEmpty();
    }

    @Test
    void badReadingsAreA400NamingTheFieldAndStoreNothing() {
        assertThat(error(assertRejected(reading("Lhasa", "2026-11-23T09:00:00Z", "\"hot\"", "50"), 400)))
                .startsWith("temp:");
        assertThat(error(assertRejected(reading("Lhasa", "2026-11-23T09:00:00Z", "71", "50"), 400)))
                .startsWith("temp:");
        assertThat(error(assertRejected(reading("Lhasa", "23/11/2026", "1", "50"), 400))).startsWith("timestamp:");
        assertThat(error(assertRejected(reading("Lhasa", NOW.plus(Duration.ofHours(2)).toString(), "1", "50"), 400)))
                .startsWith("readings[0].timestamp:");
        assertThat(error(assertRejected("{\"temp\":1,\"humidity\":2,\"timestamp\":\"2026-11-23T09:00:00Z\"}", 400)))
                .startsWith("city:");
        assertThat(error(assertRejected("{\"city\":\"Lhasa\",\"temp\":1,\"humidity\":2,"
                + "\"timestamp\":\"2026-11-23T09:00:00Z\",\"weather_code\":1.5}", 400))).startsWith("weather_code:");
        assertThat(error(assertRejected("[1,2]", 400))).startsWith("readings[0]:");
        assertThat(error(assertRejected("\"reading\"", 400))).startsWith("body:");
        assertThat(error(assertRejected("[]", 400))).startsWith("readings:");
        assertThat(MASTER.log.latest(new City("Lhasa"))).isEmpty();
    }

    @Test
    void malformedJsonIsA400AndStoresNothing() {
        assertThat(error(assertRejected("{\"city\":\"Lhasa\",", 400))).startsWith("body: not JSON");
        assertThat(error(assertRejected(reading("Lhasa", "2026-11-23T09:00:00Z", "1", "2") + " trailing", 400)))
                .startsWith("body:");
        assertThat(error(assertRejected("{\"city\":\"Lhasa\",\"city\":\"Oslo\"}", 400))).startsWith("body:");
        assertThat(error(assertRejected("", 400))).startsWith("body:");
    }

    @Test
    void moreThanAThousandReadingsIsA400AndStoresNothing() {
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 1001; i++) {
            array.add(reading("Nazca", NOW.minusSeconds(60L * (i + 1)).toString(), "20", "30"));
        }

        assertThat(error(assertRejected(array.toString(), 400))).startsWith("readings:");
        assertThat(MASTER.log.latest(new City("Nazca"))).isEmpty();
    }

    @Test
    void wrongContentTypeIsA415AndStoresNothing() {
        long head = MASTER.log.head();

        Reply reply = server.send("POST", "/api/publish", "text/plain",
                reading("Arequipa", "2026-11-23T09:00:00Z", "1", "2"), AUTH, MasterFixture.bearer());

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().get("error").asText()).startsWith("Content-Type:").contains("text/plain");
        assertThat(MASTER.log.head()).isEqualTo(head);
    }

    @Test
    void missingOrWrongAdminTokenIsA401AndStoresNothing() {
        long head = MASTER.log.head();
        String body = reading("Arequipa", "2026-11-23T09:00:00Z", "1", "2");

        Reply missing = server.post("/api/publish", body);
        Reply wrong = server.post("/api/publish", body, AUTH, "Bearer " + MasterFixture.ADMIN_TOKEN + "x");
        Reply otherScheme = server.post("/api/publish", body, AUTH, "Basic " + MasterFixture.ADMIN_TOKEN);

        for (Reply reply : List.of(missing, wrong, otherScheme)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.keys()).containsExactlyElementsOf(Reply.ERROR_KEYS);
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(reply.body()).doesNotContain(MasterFixture.ADMIN_TOKEN);
        }
        assertThat(MASTER.log.head()).isEqualTo(head);
    }

    @Test
    void withoutAnAdminTokenConfiguredPublishIsA403SayingSo() {
        MasterFixture master = new MasterFixture();
        try (TestServer disabled = TestServer.start(routing -> MasterApi.register(routing,
                master.deps(Optional.empty(), AuthThrottle.standard(master.clock), List.of())))) {
            Reply reply = disabled.post("/api/publish", reading("Arequipa", "2026-11-23T09:00:00Z", "1", "2"),
                    AUTH, "Bearer anything");

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.json().get("error").asText()).isEqualTo("admin endpoints are disabled: set ADMIN_TOKEN");
            assertThat(master.log.head()).isZero();
        }
    }

    private static Reply assertRejected(String body, int status) {
        long head = MASTER.log.head();
        Reply reply = server.post("/api/publish", body, AUTH, MasterFixture.bearer());
        assertThat(reply.status()).as(body + " → " + reply.body()).isEqualTo(status);
        assertThat(reply.keys()).containsExactlyElementsOf(Reply.ERROR_KEYS);
        assertThat(MASTER.log.head()).isEqualTo(head);
        return reply;
    }

    private static String error(Reply reply) {
        return reply.json().get("error").asText();
    }

    private static String reading(String city, String timestamp, String temp, String humidity) {
        return "{\"city\":\"" + city + "\",\"temp\":" + temp + ",\"humidity\":" + humidity + ",\"timestamp\":\""
                + timestamp + "\",\"source\":\"test\"}";
    }
}
