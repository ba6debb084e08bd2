package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRouting;
import io.weathersync.adapter.http.metrics.NodeMetrics;
import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryMasterClient;
import io.weathersync.adapter.memory.InMemoryReadingCounts;
import io.weathersync.adapter.memory.InMemoryReplica;
import io.weathersync.application.port.in.PollStatus;
import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.application.service.QueryWeatherService;
import io.weathersync.application.service.ReplicationServices;
import io.weathersync.application.service.RequestSyncService;
import io.weathersync.domain.message.ChangeVerifier;
import io.weathersync.domain.model.FreeTier;
import io.weathersync.domain.status.ClusterStatus;
import io.weathersync.domain.status.NodeRole;
import io.weathersync.domain.status.NodeState;
import io.weathersync.domain.status.NodeStatus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A master and a slave wired as the apps wire them, with the operator's routes, for the ops and OpenAPI tests. */
final class OpsNodes {

    final MasterFixture master = new MasterFixture();
    final NodeMetrics masterMetrics = new NodeMetrics("master");
    final ReadingCounts counts = masterMetrics.readingCounts(new InMemoryReadingCounts());

    /** The master's routes: its API (publishing through the metered counters) and the operator's routes. */
    Consumer<HttpRouting.Builder> masterRoutes() {
        MasterApi.Dependencies api = master.deps();
        MasterApi.Dependencies counted = new MasterApi.Dependencies(api.query(),
                new io.weathersync.application.service.PublishReadingsService(master.log,
                        new io.weathersync.adapter.memory.InMemoryChangeBus(), Optional.empty(), Optional.of(counts),
                        master.clock),
                api.changes(), api.syncSlave(), api.status(), api.heartbeats(), api.registry(), api.adminToken(),
                api.health(), api.throttle(), api.clock());
        masterMetrics.cluster(master.status::status);
        return routing -> {
            MasterApi.register(routing, counted);
            OpsApi.register(routing, new OpsApi.Dependencies(Optional.of(masterMetrics), counts,
                    List.of(HealthCheck.of("store", () -> true))));
            Console.registerPoll(routing, () -> new PollStatus("open-meteo", 56, Duration.ofSeconds(486), 9968,
                    List.of(new FreeTier(10_000, Duration.ofDays(1))), true, Optional.empty()));
        };
    }

    /** A slave's routes over an in-memory replica of the fixture's master. */
    Consumer<HttpRouting.Builder> slaveRoutes() {
        InMemoryChangeLog masterLog = new InMemoryChangeLog();
        InMemoryReplica replica = new InMemoryReplica();
        ReplicationServices replication = ReplicationServices.of(replica,
                new InMemoryMasterClient(masterLog, master.publicKey), new ChangeVerifier(master.keys.getPublic()),
                master.clock, 100, 100);
        ClusterStatus status = ClusterStatus.of(List.of(
                new NodeStatus("master", NodeRole.MASTER, "127.0.0.1", 8080, NodeState.RUNNING, 100, 1, null, 0L, 0,
                        null),
                new NodeStatus("slave", NodeRole.SLAVE, "127.0.0.1", 8081, NodeState.RUNNING, 90, 0,
                        MasterFixture.NOW, 0L, 0, null)));
        NodeMetrics metrics = new NodeMetrics("slave");
        metrics.replication(replication.progress()::stats, () -> replica.state().appliedSeq());
        return routing -> {
            SlaveApi.register(routing, new SlaveApi.Dependencies(new QueryWeatherService(replica), replication.live(),
                    replication.pushes(), new RequestSyncService(new InMemoryMasterClient(masterLog,
                    master.publicKey)), () -> status, List.of(HealthCheck.of("store", () -> true),
                    HealthCheck.notConfigured("redis"))));
            OpsApi.register(routing, new OpsApi.Dependencies(Optional.of(metrics), new InMemoryReadingCounts(),
                    List.of(HealthCheck.of("store", () -> true))));
        };
    }
}
