package io.weathersync.bench;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.weathersync.adapter.http.metrics.NodeMetrics;
import io.weathersync.adapter.http.trace.Traces;
import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.ReadingCount;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

/**
 * JMH: what metrics and tracing add to the work of a node, timed on their own code (issue 18's 3 % bound; the
 * end-to-end on/off runs of {@link TelemetryBench} are too noisy on a 2-core machine to show a few per cent).
 * {@link #request()} is what the request filter does with telemetry on and skips with it off: the trace taken or
 * made, put in the MDC and cleared, its header echoed (made, checked and written as the server does), and the request
 * timed by route, method and status. {@link #batch()} is what a stored batch of 1,000 readings adds: the counters by
 * source and city ({@code weather_readings_ingested_total}, {@code weather_changes_published_total}).
 */
@State(Scope.Thread)
public class TelemetryBenchmark {

    static final int BATCH = 1000;
    private static final HeaderName TRACEPARENT = HeaderNames.create(Traces.HEADER);
    private static final Duration TOOK = Duration.ofNanos(17_000);
    private NodeMetrics metrics;
    private ReadingCounts counts;
    private List<WeatherReading> readings;
    private List<Change> changes;

    @Setup
    public void setUp() {
        metrics = new NodeMetrics("master");
        counts = metrics.readingCounts(new ReadingCounts() {
            @Override
            public void count(List<WeatherReading> ingested, List<Change> published) {
                // seed 003's counters count with telemetry off too: not part of what telemetry adds
            }

            @Override
            public List<ReadingCount> counts() {
                return List.of();
            }
        });
        StreamId stream = StreamId.random();
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        changes = LongStream.range(0, BATCH).mapToObj(i -> new Change(stream, 1 + i, WeatherReading.of(
                new City("tele-" + (i % 100)), at.plusSeconds(60 * (i / 100)), 12.5, 55, "bench"))).toList();
        readings = changes.stream().map(Change::reading).toList();
    }

    @TearDown
    public void tearDown() {
        metrics.close();
    }

    @Benchmark
    public BufferData request() {
        Header echoed = HeaderValues.create(TRACEPARENT, Traces.beginRequest(null));
        echoed.validate();
        BufferData out = BufferData.growing(80);
        echoed.writeHttp1Header(out);
        metrics.httpRequest("/api/weather/latest", "GET", 200, TOOK);
        Traces.end();
        return out;
    }

    @Benchmark
    public void batch() {
        counts.count(readings, changes);
    }
}
