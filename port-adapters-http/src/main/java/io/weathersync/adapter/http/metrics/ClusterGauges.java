package io.weathersync.adapter.http.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.weathersync.domain.status.ClusterStatus;
import io.weathersync.domain.status.NodeState;
import io.weathersync.domain.status.NodeStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Each node's lag in changes and seconds and its state (1 for the state it is in), read from the status view at
 * every scrape: nodes come and go, so the rows are replaced each time.
 */
final class ClusterGauges {

    private final MultiGauge lagChanges;
    private final MultiGauge lagSeconds;
    private final MultiGauge state;
    private volatile Supplier<ClusterStatus> status;
    /** The rows' numbers, held until the next refresh: a gauge may hold its number only weakly. */
    private volatile List<List<MultiGauge.Row<?>>> rows = List.of();

    ClusterGauges(MeterRegistry registry) {
        lagChanges = MultiGauge.builder("weather.node.lag.changes")
                .description("changes a node is behind the master's head").register(registry);
        lagSeconds = MultiGauge.builder("weather.node.lag.seconds")
                .description("how long a node has been behind (0 when up to date)").register(registry);
        state = MultiGauge.builder("weather.node.state")
                .description("1 for the state a node is in (running, degraded, offline)").register(registry);
    }

    void follow(Supplier<ClusterStatus> status) {
        this.status = status;
    }

    void refresh() {
        Supplier<ClusterStatus> source = status;
        if (source == null) {
            return;
        }
        List<NodeStatus> nodes;
        try {
            nodes = source.get().nodes();
        } catch (RuntimeException e) {
            return;
        }
        List<MultiGauge.Row<?>> changes = new ArrayList<>();
        List<MultiGauge.Row<?>> seconds = new ArrayList<>();
        List<MultiGauge.Row<?>> states = new ArrayList<>();
        for (NodeStatus node : nodes) {
            Tags tags = Tags.of("node", node.name(), "node_role", node.role().name().toLowerCase(Locale.ROOT));
            changes.add(MultiGauge.Row.of(tags, node.lagChanges()));
            if (node.syncDelaySeconds() != null) {
                seconds.add(MultiGauge.Row.of(tags, node.syncDelaySeconds()));
            }
            for (NodeState s : NodeState.values()) {
                states.add(MultiGauge.Row.of(tags.and("state", s.name().toLowerCase(Locale.ROOT)),
                        node.state() == s ? 1 : 0));
            }
        }
        rows = List.of(changes, seconds, states);
        lagChanges.register(changes, true);
        lagSeconds.register(seconds, true);
        state.register(states, true);
    }
}
