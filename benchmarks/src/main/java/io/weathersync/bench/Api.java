package io.weathersync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The benchmark's client of a node's public API (JDK HttpClient, HTTP/1.1, loopback). */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN = "bench-admin-token";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return check(r, url);
    }

    int getStatus(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    JsonNode post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return check(r, url);
    }

    private static JsonNode check(HttpResponse<String> r, String url) throws IOException {
        if (r.statusCode() / 100 != 2) {
            throw new IOException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Registers a slave at {@code apiUrl} and returns its {api_key, api_secret}. */
    String[] registerSlave(String master, String name, String apiUrl) throws IOException, InterruptedException {
        JsonNode node = post(master + "/api/v1/cascade/nodes", JSON.createObjectNode().put("node_type", 1)
                .put("name", name).put("description", "benchmark").put("api_url", apiUrl).toString());
        String id = node.path("data").path("node_id").asText();
        JsonNode creds = post(master + "/api/v1/cascade/nodes/" + id + "/credentials", "{}").path("data");
        return new String[] {creds.path("api_key").asText(), creds.path("api_secret").asText()};
    }

    /** The {@code timestamp} of the latest-reading answer at {@code url}; "" while there is none (404) or no answer. */
    String latestTimestamp(String url) {
        try {
            return get(url).path("timestamp").asText("");
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    long appliedSeq(String node) throws IOException, InterruptedException {
        return get(node + "/api/dms/digest").path("applied_seq").asLong(0);
    }

    /** A JSON array of readings: city {@code prefix + (i % cities)}, observation {@code base + i / cities} minutes. */
    static String readings(String prefix, long from, int count, int cities, Instant base) {
        StringBuilder b = new StringBuilder(count * 110).append('[');
        for (long i = from; i < from + count; i++) {
            if (i > from) {
                b.append(',');
            }
            reading(b, prefix + (i % cities), base.plusSeconds(60 * (i / cities)), 10 + (i % 200) / 10.0,
                    40 + i % 50);
        }
        return b.append(']').toString();
    }

    static void reading(StringBuilder b, String city, Instant at, double temp, double humidity) {
        b.append(String.format(Locale.ROOT,
                "{\"city\":\"%s\",\"temp\":%.1f,\"humidity\":%.1f,\"timestamp\":\"%s\",\"pressure\":1012.5,"
                        + "\"wind_speed\":3.2,\"source\":\"bench\"}", city, temp, humidity, at));
    }
}
