package io.weathersync.app.slave;

import io.weathersync.adapter.http.client.HttpMasterClient;
import io.weathersync.adapter.http.client.HttpCalls;
import io.weathersync.adapter.http.client.PushAuth;
import io.weathersync.adapter.http.client.TlsFiles;
import io.weathersync.adapter.http.metrics.NodeMetrics;
import io.weathersync.adapter.http.server.HealthCheck;
import io.weathersync.adapter.http.server.HttpNode;
import io.weathersync.adapter.http.server.OpsApi;
import io.weathersync.adapter.http.server.Protections;
import io.weathersync.adapter.http.server.ServerLimits;
import io.weathersync.adapter.http.server.SlaveApi;
import io.weathersync.adapter.http.trace.MdcThreadContext;
import io.weathersync.adapter.http.trace.Traces;
import io.weathersync.adapter.jdbc.Database;
import io.weathersync.adapter.jdbc.JdbiReplica;
import io.weathersync.adapter.memory.InMemoryReadingCounts;
import io.weathersync.adapter.redis.LettuceChangeSubscriber;
import io.weathersync.adapter.redis.LettuceReadingCounts;
import io.weathersync.application.port.in.ReportStatusUseCase;
import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.application.port.out.Replica;
import io.weathersync.application.port.out.ReplicationMeter;
import io.weathersync.application.service.QueryWeatherService;
import io.weathersync.application.service.RegistryMirrorService;
import io.weathersync.application.service.ReplicaExportService;
import io.weathersync.application.service.ReplicationServices;
import io.weathersync.application.service.RequestSyncService;
import io.weathersync.application.service.SerialReplication;
import io.weathersync.application.service.SlaveHeartbeatService;
import io.weathersync.domain.cluster.NodeIdentity;
import io.weathersync.domain.status.Readiness;
import io.weathersync.domain.sync.FollowConsent;
import io.weathersync.domain.status.StatusAggregator;
import io.weathersync.runtime.Backoff;
import io.weathersync.runtime.Lifecycle;
import io.weathersync.runtime.NodeConfig;
import io.weathersync.runtime.OpsConfig;
import io.weathersync.runtime.ProtectionConfig;
import io.weathersync.runtime.PeriodicTask;
import io.weathersync.wire.ChangeJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Builds a slave from its config with {@code new} and starts it; everything opened is closed at stop. */
final class SlaveNode {

    private static final Logger LOG = LoggerFactory.getLogger(SlaveNode.class);
    static final int PAGE_SIZE = 1000;
    static final int GAP_BUFFER = 10_000;
    /** Live deliveries waiting for the replication thread before further ones are dropped (and repaired). */
    static final int QUEUE = 10_000;
    private static final Duration LOOP_STOP_WAIT = Duration.ofSeconds(10);

    private SlaveNode() {
    }

    static void start(SlaveConfig config, Lifecycle lifecycle) throws Exception {
        NodeConfig node = config.node();
        HttpNode.requireBindable(node.host(), node.port());
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        Database.ownerOnlyDirectory(node.dataDir());
        // Before any client exists: node-to-node https calls verify their peer against TLS_CA_FILE when set.
        config.protection().caFile().ifPresent(ca -> HttpCalls.verifyPeersWith(TlsFiles.trusting(ca)));

        Database database = lifecycle.closeOnStop("database",
                Database.open(node.dbUrl(), node.dbUser(), node.dbPassword().orElse("")));
        Replica replica = new JdbiReplica(database);
        LOG.info("replica: stream {}, applied seq {}", replica.state().followed().map(Object::toString)
                .orElse("none yet"), replica.state().appliedSeq());
        // Pushes are refused until the first heartbeat reply hands this slave the master's push key.
        PushAuth pushAuth = PushAuth.awaitingKey(clock);
        HttpMasterClient master = lifecycle.closeOnStop("master client", new HttpMasterClient(
                config.parentUrls().stream().map(URI::toString).toList(), config.apiKey(), config.apiSecret(),
                new ChangeJson(), HttpMasterClient.DEFAULT_CONNECT_TIMEOUT, HttpMasterClient.DEFAULT_REQUEST_TIMEOUT)
                .learnPushKeyInto(pushAuth));
        OpsConfig ops = config.ops();
        Traces.enable(ops.tracingEnabled());
        Optional<NodeMetrics> metrics = ops.metricsEnabled()
                ? Optional.of(lifecycle.closeOnStop("metrics", new NodeMetrics("slave"))) : Optional.empty();
        // Work handed to the replication thread runs in the trace of the request or loop cycle that asked for it.
        ReplicationServices replication = ReplicationServices.of(replica, master, null, clock, PAGE_SIZE, GAP_BUFFER,
                config.followNewStream() ? FollowConsent.ANY : FollowConsent.NONE,
                metrics.map(NodeMetrics::replicationMeter).orElse(ReplicationMeter.NONE), new MdcThreadContext());
        SerialReplication serial = lifecycle.closeOnStop("replication thread", new SerialReplication(replication, QUEUE,
                config.queueBytes()));

        // The heartbeat names this node's bound port, known only once the server runs (SERVER_PORT=0).
        AtomicReference<SlaveHeartbeatService> heartbeat = new AtomicReference<>();
        ReportStatusUseCase status = () -> heartbeat.get().status();
        LettuceChangeSubscriber subscriber = node.redisUri().isEmpty() ? null : lifecycle.closeOnStop("subscriber",
                new LettuceChangeSubscriber(node.redisUri().get(), node.redisChannel(), new MdcThreadContext()));
        SlaveApi.Dependencies api = new SlaveApi.Dependencies(new QueryWeatherService(replica), serial, serial,
                new RequestSyncService(master), status,
                List.of(HealthCheck.of("store", () -> database.isReachable(2)).degradedWhen(database::writeProblem),
                        subscriber == null
                        ? HealthCheck.notConfigured("redis")
                        : HealthCheck.nonCritical("redis", subscriber::isConnected),
                        // Degraded while the master refuses this slave's credentials; it still serves its replica.
                        HealthCheck.nonCritical("credentials", () -> true)
                                .degradedWhen(() -> Optional.ofNullable(heartbeat.get())
                                        .flatMap(SlaveHeartbeatService::refusal)),
                        // Degraded while diverged: it keeps serving the readings the master's new stream lacks.
                        HealthCheck.nonCritical("stream", () -> true)
                                .degradedWhen(replication.progress()::divergence)),
                new SlaveApi.Admin(serial, new ReplicaExportService(replica)));
        metrics.ifPresent(m -> {
            m.replication(replication.progress()::stats, () -> replica.state().appliedSeq());
            m.cluster(status::status);
        });
        // With Redis, the master's shared counters; without, this node ingests nothing and has none to show.
        ReadingCounts counts = node.redisUri().isPresent()
                ? lifecycle.closeOnStop("reading counters", new LettuceReadingCounts(node.redisUri().get(),
                        ops.redisMetricsKey()))
                : new InMemoryReadingCounts();
        OpsApi.Dependencies opsApi = new OpsApi.Dependencies(metrics, counts, List.of(
                HealthCheck.of("store", () -> database.isReachable(2)),
                HealthCheck.of("replication", () -> Readiness.ofSlave(status.status(), ops.readyMaxLag()).isEmpty())
                        .degradedWhen(() -> Readiness.ofSlave(status.status(), ops.readyMaxLag()))));
        ProtectionConfig guard = config.protection();
        HttpNode server = lifecycle.closeOnStop("web server",
                HttpNode.start(node.host(), node.port(), new ServerLimits(guard.idleTimeout(), guard.bodyTimeout(),
                                guard.readTimeout(), guard.maxConnections()),
                        TlsFiles.server(guard.tlsKeystore(), guard.tlsPassword(), guard.tlsCert(), guard.tlsKey()),
                        routing -> {
                            SlaveApi.register(routing, api, new Protections(pushAuth, config.adminToken(),
                                    guard.corsOrigins(), guard.readsPerSecond(), guard.writesPerSecond()));
                            OpsApi.register(routing, opsApi);
                        }));
        heartbeat.set(new SlaveHeartbeatService(master, replica, replication.progress(), replication.trust(), serial,
                new NodeIdentity("slave", node.host(), server.port(), started, 2, Version.of("app-slave")),
                masterIdentity(config.parentUrl(), started), new StatusAggregator(clock, config.offlineAfter()), clock));
        if (config.adminToken().isEmpty()) {
            LOG.info("ADMIN_TOKEN is not set: this slave's admin endpoints (follow-stream, export) answer 403");
        }
        lifecycle.listening(node, server.port());

        // Subscribe first, then catch up (the heartbeat catches up when behind), so nothing falls between.
        if (subscriber != null) {
            LOG.info("live transport: Redis {} channel {}", node.redisForLog().orElseThrow(), node.redisChannel());
            subscriber.start(serial.listener());
        } else {
            LOG.info("live transport: HTTP push from the master to POST /api/dms/sync/receive (REDIS_URI not set)");
        }
        LOG.info("master {}: heartbeat every {} s, anti-entropy check every {} s", config.parentUrls(),
                config.heartbeatInterval().toSeconds(), config.syncInterval().toSeconds());
        Backoff beatBackoff = new Backoff(config.syncInterval());
        lifecycle.closeOnStop("heartbeat loop", PeriodicTask.start("heartbeat", Duration.ZERO,
                config.heartbeatInterval(), LOOP_STOP_WAIT, Traces.eachRunTraced(
                        () -> retryAfter(heartbeat.get().beat(), beatBackoff, config.heartbeatInterval()))));
        Backoff syncBackoff = new Backoff(config.syncInterval());
        // Each check also refreshes this slave's copy of the master's registry, which a master restore reads; the
        // first runs at start, so a master lost soon after a slave joined can still be restored with its credentials.
        RegistryMirrorService registryCopy = new RegistryMirrorService(master, replica);
        lifecycle.closeOnStop("anti-entropy loop", PeriodicTask.start("anti-entropy", Duration.ZERO,
                config.syncInterval(), LOOP_STOP_WAIT, Traces.eachRunTraced(() -> {
                    registryCopy.refresh();
                    return retryAfter(serial.tryCatchUp(), syncBackoff, config.syncInterval());
                })));
    }

    /** The interval after a success; while the master is away, a growing back-off capped at the sync interval. */
    private static Duration retryAfter(boolean answered, Backoff backoff, Duration interval) {
        if (answered) {
            backoff.succeeded();
            return interval;
        }
        return backoff.failed();
    }

    private static NodeIdentity masterIdentity(URI parent, Instant now) {
        int port = parent.getPort() >= 0 ? parent.getPort() : parent.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return new NodeIdentity("master", parent.getHost(), port, now, 0, "");
    }
}
