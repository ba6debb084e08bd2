package io.weathersync.adapter.http.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.weathersync.application.port.in.CollectWeatherUseCase;
import io.weathersync.application.port.in.ReplicationStats;
import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.application.port.out.ReplicationMeter;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.status.ClusterStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A node's meters in one Micrometer registry, scraped in the Prometheus text format by {@code GET /metrics}.
 * Micrometer rather than Helidon's metrics: its Prometheus registry names meters by Prometheus' conventions
 * ({@code _total}, base units), binds the JVM and process meters in a few lines, and keeps Helidon out of the
 * counters that are not HTTP. Every label has few values: source, city (the configured cities), route
 * templates, node names, kinds.
 */
public final class NodeMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();
    private final ClusterGauges cluster;
    /** Micrometer holds a function meter's state object weakly: a lambda only it knew would be collected. */
    private final List<Object> held = new CopyOnWriteArrayList<>();

    /** A registry with the JVM and process meters bound, and {@code role} ({@code master}/{@code slave}) as a tag. */
    public NodeMetrics(String role) {
        registry.config().commonTags("role", role);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        cluster = new ClusterGauges(registry);
    }

    /** Every meter in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        cluster.refresh();
        return registry.scrape();
    }

    /** The registry, for meters of this module. */
    MeterRegistry registry() {
        return registry;
    }

    /**
     * Counts readings ingested and changes published by source and city into this registry, and passes every
     * batch on to {@code shared} (seed 003's counters), which also answers {@link ReadingCounts#counts()}.
     */
    public ReadingCounts readingCounts(ReadingCounts shared) {
        return new MicrometerReadingCounts(registry, shared);
    }

    /** The master's poll cycles, failed cities and requests against the source's free tier, by source. */
    public CollectWeatherUseCase pollCycles(CollectWeatherUseCase collect, String source, int requestsPerCycle) {
        return new MeteredCollectWeather(collect, registry, source, requestsPerCycle);
    }

    /** A slave's replication counts (applied, duplicates, gaps, resyncs, rejected by kind) and its applied seq. */
    public void replication(Supplier<ReplicationStats> stats, LongSupplier appliedSeq) {
        held.add(stats);
        held.add(appliedSeq);
        counter("weather.replication.applied", stats, s -> s.applied(), "changes applied, live and caught up");
        counter("weather.replication.duplicates", stats, s -> s.duplicates(), "live changes already applied");
        counter("weather.replication.gaps", stats, s -> s.gaps(), "live changes that arrived ahead of a gap");
        counter("weather.replication.resyncs", stats, s -> s.resyncs(), "full resyncs started");
        for (RejectedMessage.Kind kind : RejectedMessage.Kind.values()) {
            FunctionCounter.builder("weather.messages.rejected", stats,
                            s -> s.get().rejected().getOrDefault(kind, 0L))
                    .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                    .description("live messages dropped, by kind").register(registry);
        }
        Gauge.builder("weather.replication.buffered", stats, s -> s.get().buffered())
                .description("changes held in the gap buffer").register(registry);
        Gauge.builder("weather.replication.applied.seq", appliedSeq, LongSupplier::getAsLong)
                .description("the last seq this replica applied").register(registry);
    }

    /**
     * A slave's apply latency (histogram, seconds) and catch-up pages and rows (counters), for
     * {@code ReplicationServices.of(…, meter, …)}.
     */
    public ReplicationMeter replicationMeter() {
        return new MicrometerReplicationMeter(registry);
    }

    /** Each node's state and lag as the status view has it (the master: every slave; a slave: itself). */
    public void cluster(Supplier<ClusterStatus> status) {
        cluster.follow(status);
    }

    /** One HTTP request served, by route template, method and status. */
    public void httpRequest(String route, String method, int status, Duration took) {
        // A small record as the key (route and method strings cache their hash): no string built per request.
        requestTimers.computeIfAbsent(new RequestKey(route, method, status), k -> Timer.builder("http.server.requests")
                        .tags(Tags.of("route", route, "method", method, "status", Integer.toString(status)))
                        .description("HTTP requests served").register(registry))
                .record(took);
    }

    private record RequestKey(String route, String method, int status) {
    }

    private void counter(String name, Supplier<ReplicationStats> stats,
                         java.util.function.ToLongFunction<ReplicationStats> value, String description) {
        FunctionCounter.builder(name, stats, s -> value.applyAsLong(s.get())).description(description)
                .register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
