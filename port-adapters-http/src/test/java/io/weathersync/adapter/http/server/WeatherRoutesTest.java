package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.adapter.http.server.TestServer.Reply;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.weathersync.adapter.http.server.MasterFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 000's read API and the digest, on the master's routes (the slave registers the same class). */
class WeatherRoutesTest {

    private static final MasterFixture MASTER = new MasterFixture();
    private static TestServer server;

    @BeforeAll
    static void start() {
        MASTER.log.append(MasterFixture.hourly("Beijing", 5));
        MASTER.log.append(MasterFixture.hourly("San Francisco", 30));
        MASTER.log.append(List.of(new WeatherReading(new City("Oslo"), NOW.minusSeconds(60), -3.5, 80, 1012.0, 4.2,
                270.0, 0.4, 71, "open-meteo")));
        server = TestServer.start(routing -> MasterApi.register(routing, MASTER.deps()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void latestOfACityIsOneReadingInSeed000Shape() {
        Reply reply = server.get("/api/weather/latest?city=beijing");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.keys()).containsExactly("city", "temp", "humidity", "timestamp", "source");
        assertThat(reply.json().get("city").asText()).isEqualTo("Beijing");
        assertThat(reply.json().get("timestamp").asText()).isEqualTo(NOW.minus(Duration.ofHours(1)).toString());
        assertThat(reply.json().get("temp").isNumber()).isTrue();
    }

    @Test
    void latestCarriesTheOptionalFieldsWhenPresent() {
        Reply reply = server.get("/api/weather/latest?city=Oslo");

        assertThat(reply.keys()).containsExactly("city", "temp", "humidity", "timestamp", "pressure", "wind_speed",
                "wind_direction", "precipitation", "weather_code", "source");
        assertThat(reply.json().get("temp").asDouble()).isEqualTo(-3.5);
        assertThat(reply.json().get("weather_code").asInt()).isEqualTo(71);
    }

    @Test
    void latestWithoutCityIsAnArrayOfEveryCitysLatest() {
        Reply reply = server.get("/api/weather/latest");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().isArray()).isTrue();
        List<String> cities = new ArrayList<>();
        reply.json().forEach(reading -> cities.add(reading.get("city").asText()));
        assertThat(cities).containsExactlyInAnyOrder("Beijing", "San Francisco", "Oslo");
    }

    @Test
    void latestOfAnUnknownCityIsA404NamingIt() {
        Reply reply = server.get("/api/weather/latest?city=Atlantis");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asText()).contains("Atlantis");
    }

    @Test
    void latestWithAnEmptyOrInvalidCityIsA400NamingCity() {
        assertThat(server.get("/api/weather/latest?city=").json().get("error").asText()).startsWith("city:");
        Reply reply = server.get("/api/weather/latest?city=a%40b");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).startsWith("city:");
    }

    @Test
    void aParameterGivenTwiceIsA400() {
        Reply reply = server.get("/api/weather/latest?city=Oslo&city=Beijing");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).startsWith("city:");
    }

    @Test
    void historyIsAnArrayOfReadingsOldestFirst() {
        Reply reply = server.get("/api/weather/history?city=Beijing&start=2026-11-23T00:00:00Z&end=2026-11-23T10:00:00Z");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.isArray()).isTrue();
        assertThat(body).hasSize(5);
        assertThat(TestServer.Reply.keys(body.get(0))).containsExactly("city", "temp", "humidity", "timestamp", "source");
        assertThat(body.get(0).get("timestamp").asText()).isEqualTo(NOW.minus(Duration.ofHours(5)).toString());
        assertThat(reply.header("X-Next-Cursor")).isNull();
        assertThat(reply.header("Link")).isNull();
    }

    @Test
    void historyPagesFollowTheNextLinkUntilDone() {
        List<String> timestamps = new ArrayList<>();
        String next = "/api/weather/history?city=San%20Francisco&start=2026-11-21&end=2026-11-23&limit=12";
        int pages = 0;
        while (next != null) {
            Reply reply = server.get(next);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            reply.json().forEach(reading -> timestamps.add(reading.get("timestamp").asText()));
            pages++;
            String link = reply.header("Link");
            if (link == null) {
                assertThat(reply.header("X-Next-Cursor")).isNull();
                next = null;
            } else {
                assertThat(link).endsWith(">; rel=\"next\"");
                assertThat(link).contains("cursor=" + reply.header("X-Next-Cursor"));
                next = link.substring(1, link.indexOf('>'));
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(timestamps).hasSize(30).doesNotHaveDuplicates();
        assertThat(timestamps).isSortedAccordingTo((a, b) -> Instant.parse(a).compareTo(Instant.parse(b)));
    }

    @Test
    void historyDateEndCoversThatWholeDay() {
        Reply reply = server.get("/api/weather/history?city=Beijing&start=2026-11-23&end=2026-11-23");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).hasSize(5);
    }

    @Test
    void historyAcceptsOffsetTimes() {
        Reply reply = server.get("/api/weather/history?city=Beijing&start=2026-11-23T14:30:00%2B08:00"
                + "&end=2026-11-23T18:00:00%2B08:00");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).hasSize(3);
    }

    @Test
    void historyBadInputIsA400NamingTheParameter() {
        String base = "/api/weather/history?city=Beijing";
        assertBadRequest(base + "&end=2026-11-23", "start:");
        assertBadRequest(base + "&start=yesterday&end=2026-11-23", "start:");
        assertBadRequest(base + "&start=2026-11-23&end=2026-13-01", "end:");
        assertBadRequest(base + "&start=2026-11-23T10:00:00Z&end=2026-11-23T09:00:00Z", "end:");
        assertBadRequest(base + "&start=2020-01-01&end=2026-11-23", "end:");
        assertBadRequest(base + "&start=2026-11-22&end=2026-11-23&limit=0", "limit:");
        assertBadRequest(base + "&start=2026-11-22&end=2026-11-23&limit=1001", "limit:");
        assertBadRequest(base + "&start=2026-11-22&end=2026-11-23&limit=ten", "limit:");
        assertBadRequest(base + "&start=2026-11-22&end=2026-11-23&cursor=2026-11-22", "cursor:");
        assertBadRequest("/api/weather/history?start=2026-11-22&end=2026-11-23", "city:");
    }

    @Test
    void anEndBeforeTheStartIsSaidPlainlyAsTheClientWroteIt() {
        String base = "/api/weather/history?city=Beijing";

        Reply dates = server.get(base + "&start=2026-11-23&end=2026-11-22");
        Reply instants = server.get(base + "&start=2026-11-23T10:00:00Z&end=2026-11-23T09:00:00Z");
        Reply same = server.get(base + "&start=2026-11-23T10:00:00Z&end=2026-11-23T10:00:00Z");

        assertThat(dates.status()).isEqualTo(400);
        assertThat(dates.json().get("message").asText())
                .isEqualTo("end: 2026-11-22 is before start 2026-11-23; the range runs from start to end, swap them");
        assertThat(instants.json().get("message").asText()).startsWith("end: 2026-11-23T09:00:00Z is before start");
        assertThat(same.json().get("message").asText()).startsWith("end: equals start");
        assertThat(server.get(base + "&start=2026-11-23&end=2026-11-23").status()).as("one whole day").isEqualTo(200);
    }

    @Test
    void digestIsTheStoresDigest() {
        Reply reply = server.get("/api/dms/digest");

        Digest digest = MASTER.log.digest();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.keys()).containsExactly("stream", "applied_seq", "rows", "hash");
        assertThat(reply.json().get("stream").asText()).isEqualTo(digest.stream().value());
        assertThat(reply.json().get("applied_seq").asLong()).isEqualTo(digest.appliedSeq()).isEqualTo(36);
        assertThat(reply.json().get("rows").asLong()).isEqualTo(36);
        assertThat(reply.json().get("hash").asText()).isEqualTo(digest.hash());
    }

    @Test
    void theMasterDoesNotServeTheSlavesLocalRoute() {
        assertThat(server.get("/api/weather/local").status()).isEqualTo(404);
    }

    private static void assertBadRequest(String path, String field) {
        Reply reply = server.get(path);
        assertThat(reply.status()).as(path + " → " + reply.body()).isEqualTo(400);
        assertThat(reply.keys()).containsExactlyElementsOf(Reply.ERROR_KEYS);
        assertThat(reply.json().get("error").asText()).as(path).startsWith(field);
    }
}
