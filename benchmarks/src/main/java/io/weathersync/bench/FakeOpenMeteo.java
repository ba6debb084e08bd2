package io.weathersync.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A local stand-in for Open-Meteo's {@code /v1/forecast?latitude=a,b&longitude=..&current=..}: answers in the
 * real multi-location format (one object for one location, an array in request order for several). A request
 * after {@value #QUIET_MILLIS} ms of silence starts a new poll cycle, whose observation time is 15 minutes after
 * the previous cycle's, so every city's reading of a cycle is a new change. Counts requests per cycle.
 */
final class FakeOpenMeteo implements AutoCloseable {

    /** Silence that separates two poll cycles. */
    static final long QUIET_MILLIS = 2000;

    /** One poll cycle as the fake saw it. */
    record Cycle(int index, long firstNanos, int requests, Instant observedAt) {
    }

    private final HttpServer server;
    private final Instant base = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    private final List<Cycle> cycles = new ArrayList<>();
    private long lastNanos;

    FakeOpenMeteo() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/forecast", this::forecast);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The cycles seen so far (the last may still be running). */
    synchronized List<Cycle> cycles() {
        return List.copyOf(cycles);
    }

    /** Whether no request came for {@value #QUIET_MILLIS} ms. */
    synchronized boolean quiet() {
        return System.nanoTime() - lastNanos > QUIET_MILLIS * 1_000_000L;
    }

    private synchronized Instant count() {
        long now = System.nanoTime();
        if (cycles.isEmpty() || now - lastNanos > QUIET_MILLIS * 1_000_000L) {
            int index = cycles.size();
            cycles.add(new Cycle(index, now, 0, base.plus(15L * index, ChronoUnit.MINUTES)));
        }
        lastNanos = now;
        Cycle c = cycles.getLast();
        cycles.set(c.index(), new Cycle(c.index(), c.firstNanos(), c.requests() + 1, c.observedAt()));
        return c.observedAt();
    }

    private void forecast(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant at = count();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String[] lat = query.getOrDefault("latitude", "").split(",");
            String[] lon = query.getOrDefault("longitude", "").split(",");
            if (lat.length != lon.length || lat[0].isEmpty() || !query.containsKey("current")) {
                send(exchange, 400, "{\"error\":true,\"reason\":\"Parameter latitude and longitude must have the "
                        + "same number of elements\"}");
                return;
            }
            String time = LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString();
            StringBuilder b = new StringBuilder(lat.length * 640);
            b.append(lat.length == 1 ? "" : "[");
            for (int i = 0; i < lat.length; i++) {
                b.append(i == 0 ? "" : ",");
                location(b, Double.parseDouble(lat[i]), Double.parseDouble(lon[i]), time, i);
            }
            send(exchange, 200, b.append(lat.length == 1 ? "" : "]").toString());
        }
    }

    private static void location(StringBuilder b, double latitude, double longitude, String time, int i) {
        b.append(String.format(Locale.ROOT, "{\"latitude\":%.6f,\"longitude\":%.6f,\"generationtime_ms\":0.08,"
                + "\"utc_offset_seconds\":0,\"timezone\":\"GMT\",\"timezone_abbreviation\":\"GMT\",\"elevation\":44.0,"
                + "\"current_units\":{\"time\":\"iso8601\",\"interval\":\"seconds\",\"temperature_2m\":\"°C\","
                + "\"relative_humidity_2m\":\"%%\",\"pressure_msl\":\"hPa\",\"wind_speed_10m\":\"m/s\","
                + "\"wind_direction_10m\":\"°\",\"precipitation\":\"mm\",\"weather_code\":\"wmo code\"},"
                + "\"current\":{\"time\":\"%s\",\"interval\":900,\"temperature_2m\":%.1f,\"relative_humidity_2m\":%d,"
                + "\"pressure_msl\":1021.4,\"wind_speed_10m\":3.6,\"wind_direction_10m\":284,\"precipitation\":0.10,"
                + "\"weather_code\":61}}", latitude, longitude, time, 10 + (i % 40) * 0.5, 40 + i % 50));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
