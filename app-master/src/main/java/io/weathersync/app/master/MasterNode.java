package io.weathersync.app.master;

import io.weathersync.adapter.jdbc.JdbiMasterLeases;
import io.weathersync.application.service.MasterLeaseService;
import io.weathersync.adapter.http.client.HttpNodeProbe;
import io.weathersync.adapter.http.client.HttpPushChangePublisher;
import io.weathersync.adapter.http.client.HttpSlavePush;
import io.weathersync.adapter.http.client.HttpCalls;
import io.weathersync.adapter.http.client.PushAuth;
import io.weathersync.adapter.http.client.TlsFiles;
import io.weathersync.adapter.http.client.PushSettings;
import io.weathersync.adapter.http.client.PushTarget;
import io.weathersync.adapter.http.metrics.NodeMetrics;
import io.weathersync.adapter.http.server.AuthThrottle;
import io.weathersync.adapter.http.server.Console;
import io.weathersync.adapter.http.server.HealthCheck;
import io.weathersync.adapter.http.server.HttpNode;
import io.weathersync.adapter.http.server.Protections;
import io.weathersync.adapter.http.server.ServerLimits;
import io.weathersync.adapter.http.server.MasterApi;
import io.weathersync.adapter.http.server.OpsApi;
import io.weathersync.adapter.http.trace.MdcThreadContext;
import io.weathersync.adapter.http.trace.Traces;
import io.weathersync.adapter.jdbc.Database;
import io.weathersync.adapter.jdbc.JdbiChangeLog;
import io.weathersync.adapter.jdbc.JdbiGeocodedCities;
import io.weathersync.adapter.jdbc.JdbiNodeRegistry;
import io.weathersync.adapter.memory.InMemoryReadingCounts;
import io.weathersync.adapter.redis.LettuceChangePublisher;
import io.weathersync.adapter.redis.LettuceReadingCounts;
import io.weathersync.adapter.redis.PublishLimits;
import io.weathersync.application.port.in.CollectWeatherUseCase;
import io.weathersync.application.port.in.RecordHeartbeatUseCase;
import io.weathersync.application.port.in.ReportStatusUseCase;
import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.ChangePublisher;
import io.weathersync.application.port.out.NodeRegistry;
import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.application.port.out.WeatherSource;
import io.weathersync.application.service.CoalescingSlaveSync;
import io.weathersync.application.service.CollectWeatherService;
import io.weathersync.application.service.MasterStatusService;
import io.weathersync.application.service.NodeRegistryService;
import io.weathersync.application.service.PollStatusService;
import io.weathersync.application.service.PublishReadingsService;
import io.weathersync.application.service.QueryWeatherService;
import io.weathersync.application.service.ServeChangesService;
import io.weathersync.application.service.SlaveSyncService;
import io.weathersync.application.service.SyncLogRetention;
import io.weathersync.domain.cluster.MasterIdentity;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.SecretHasher;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.status.StatusAggregator;
import io.weathersync.runtime.Lifecycle;
import io.weathersync.runtime.NodeConfig;
import io.weathersync.runtime.OpsConfig;
import io.weathersync.runtime.ProtectionConfig;
import io.weathersync.runtime.PeriodicTask;
import io.weathersync.wire.ChangeJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Builds the master from its config with {@code new} and starts it; everything opened is closed at stop. */
final class MasterNode {

    /** Changes per pushed page: well under the slave's 1 MiB body limit (~300 bytes a change). */
    private static final int SYNC_PAGE_SIZE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(MasterNode.class);
    /** How long a stop waits for a poll cycle in flight. */
    private static final Duration POLL_STOP_WAIT = Duration.ofSeconds(15);
    /** How often the sync log is cut to its bounds. */
    private static final Duration SYNC_LOG_PRUNE_INTERVAL = Duration.ofMinutes(10);
    /** How long a registry connection test waits for the node. */
    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(5);

    private MasterNode() {
    }

    static void start(MasterConfig config, Lifecycle lifecycle) throws Exception {
        NodeConfig node = config.node();
        Clock clock = Clock.systemUTC();
        HttpNode.requireBindable(node.host(), node.port());
        Database.ownerOnlyDirectory(node.dataDir());
        // Before any client exists: node-to-node https calls verify their peer against TLS_CA_FILE when set.
        config.protection().caFile().ifPresent(ca -> HttpCalls.verifyPeersWith(TlsFiles.trusting(ca)));
        KeyPair keys = SigningKeyFile.loadOrCreate(node.dataDir().resolve("master-signing-key"));
        ChangeSigner changeSigner = new ChangeSigner(keys.getPrivate());
        Optional<ChangeSigner> signer = Optional.of(changeSigner);
        String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        PushAuth pushAuth = PushAuth.derivedFrom(keys.getPrivate(), clock);

        Database database = lifecycle.closeOnStop("database",
                Database.open(node.dbUrl(), node.dbUser(), node.dbPassword().orElse("")));
        // Several masters on one database: the lease elects the one that polls, ingests and publishes; every seq
        // assignment checks its epoch (0 until the lease service runs, and while standby) in its own transaction.
        AtomicReference<MasterLeaseService> lease = new AtomicReference<>();
        ChangeLog log = config.lease().isEmpty() ? new JdbiChangeLog(database)
                : new JdbiChangeLog(database, () -> lease.get() == null ? 0 : lease.get().epoch());
        NodeRegistry registry = new JdbiNodeRegistry(database);
        LOG.info("change log: stream {}, head {}", log.stream(), log.head());

        ChangePublisher publisher = lifecycle.closeOnStop("publisher", publisher(node, registry, pushAuth));
        WeatherSource source = Sources.create(config, new JdbiGeocodedCities(database), clock);
        if (source instanceof AutoCloseable closeable) {
            lifecycle.closeOnStop("weather source", closeable);
        }

        Duration pollInterval = PollCycle.interval(config.pollInterval(), source, config.cities().size());
        OpsConfig ops = config.ops();
        Traces.enable(ops.tracingEnabled());
        Optional<NodeMetrics> metrics = ops.metricsEnabled()
                ? Optional.of(lifecycle.closeOnStop("metrics", new NodeMetrics("master"))) : Optional.empty();
        ReadingCounts shared = node.redisUri().isPresent()
                ? lifecycle.closeOnStop("reading counters", new LettuceReadingCounts(node.redisUri().get(),
                        ops.redisMetricsKey()))
                : new InMemoryReadingCounts();
        ReadingCounts counts = metrics.map(m -> m.readingCounts(shared)).orElse(shared);
        CollectWeatherService collected = new CollectWeatherService(source, config.cities(), log, publisher, signer,
                Optional.of(counts), clock);
        CollectWeatherUseCase collect = metrics.map(m -> m.pollCycles(collected, source.name(),
                source.requestsPerCycle(config.cities().size()))).orElse(collected);
        PollStatusService poll = new PollStatusService(source, config.cities().size(), pollInterval, collected);
        // The status view names the bound port, known only once the server runs (SERVER_PORT=0).
        AtomicReference<MasterStatusService> status = new AtomicReference<>();
        ReportStatusUseCase statusView = () -> status.get().status();
        RecordHeartbeatUseCase heartbeats = (slave, beat) -> status.get().heartbeat(slave, beat);
        NodeRegistryService nodes = new NodeRegistryService(registry, new SecretHasher(new SecureRandom()),
                new HttpNodeProbe(PROBE_DEADLINE), clock, config.offlineAfter());
        MasterApi.Dependencies api = new MasterApi.Dependencies(new QueryWeatherService(log),
                StandbyGuard.publish(lease::get, new PublishReadingsService(log, publisher, signer, Optional.of(counts),
                        clock)),
                new ServeChangesService(log),
                new CoalescingSlaveSync(new SlaveSyncService(log, registry, new HttpSlavePush(new ChangeJson(),
                        pushAuth), changeSigner, clock, SYNC_PAGE_SIZE)), statusView,
                heartbeats, MasterApi.Registry.of(nodes), config.adminToken(), health(database, publisher),
                AuthThrottle.standard(clock), clock);

        OpsApi.Dependencies opsApi = new OpsApi.Dependencies(metrics, counts,
                List.of(HealthCheck.of("store", () -> database.isReachable(2))));
        ProtectionConfig guard = config.protection();
        HttpNode server = lifecycle.closeOnStop("web server",
                HttpNode.start(node.host(), node.port(), new ServerLimits(guard.idleTimeout(), guard.bodyTimeout(),
                                guard.readTimeout(), guard.maxConnections()),
                        TlsFiles.server(guard.tlsKeystore(), guard.tlsPassword(), guard.tlsCert(), guard.tlsKey()),
                        routing -> {
                            MasterApi.register(routing, api, new Protections(pushAuth, Optional.empty(),
                                    guard.corsOrigins(), guard.readsPerSecond(), guard.writesPerSecond()));
                            OpsApi.register(routing, opsApi);
                            Console.registerPoll(routing, poll);
                        }));
        metrics.ifPresent(m -> m.cluster(statusView::status));
        status.set(new MasterStatusService(registry, log,
                new MasterIdentity("master", node.host(), server.port(), clock.instant(), 1), publicKey,
                new StatusAggregator(clock, config.offlineAfter()), clock, collect::problem));
        lifecycle.listening(node, server.port());
        if (config.adminToken().isEmpty()) {
            LOG.warn("ADMIN_TOKEN is not set: the admin endpoints answer 403");
        }

        SyncLogRetention retention = new SyncLogRetention(registry, config.syncLogMaxAge(), config.syncLogMaxRows(),
                clock);
        lifecycle.closeOnStop("sync log pruning", PeriodicTask.start("sync-log-pruning", Duration.ofMinutes(1),
                SYNC_LOG_PRUNE_INTERVAL, POLL_STOP_WAIT, () -> {
                    retention.prune();
                    return SYNC_LOG_PRUNE_INTERVAL;
                }));
        config.lease().ifPresent(times -> lifecycle.closeOnStop("lease", StandbyGuard.startLease(lease,
                new MasterLeaseService(new JdbiMasterLeases(database), UUID.randomUUID().toString(),
                        node.url(server.port()), clock, times.time()), times.renew())));
        PollCycle.announce(source, config.cities().size(), pollInterval, config.pollInterval().isEmpty());
        PollCycle cycle = new PollCycle(collect, pollInterval);
        // A standby polls nothing: it checks again at its next lease renewal whether it became active.
        // Each cycle is a trace of its own, which the live pushes of the changes it made carry to the slaves.
        lifecycle.closeOnStop("poll schedule", PeriodicTask.start("poll", Duration.ZERO, pollInterval,
                POLL_STOP_WAIT, Traces.eachRunTraced(() -> lease.get() == null || lease.get().isActive() ? cycle.get()
                        : config.lease().orElseThrow().renew())));
    }

    private static List<HealthCheck> health(Database database, ChangePublisher publisher) {
        HealthCheck store = HealthCheck.of("store", () -> database.isReachable(2)).degradedWhen(database::writeProblem);
        // Redis is not critical: changes are stored first, and slaves repair from the log what it loses.
        return List.of(store, publisher instanceof LettuceChangePublisher redis
                ? HealthCheck.nonCritical("redis", redis::isConnected)
                : HealthCheck.notConfigured("redis"));
    }

    private static ChangePublisher publisher(NodeConfig node, NodeRegistry registry, PushAuth pushAuth) {
        if (node.redisUri().isPresent()) {
            LOG.info("live transport: Redis {} channel {}", node.redisForLog().orElseThrow(), node.redisChannel());
            // Each message carries the trace of the poll cycle or request that made it.
            return new LettuceChangePublisher(node.redisUri().get(), node.redisChannel(), PublishLimits.DEFAULTS,
                    new MdcThreadContext());
        }
        LOG.info("live transport: HTTP push to the registered slaves (REDIS_URI not set)");
        // Read at every publish, so disabling a slave stops pushes from the next batch on.
        return new HttpPushChangePublisher(() -> registry.list(Optional.of(NodeType.CHILD)).stream()
                .filter(n -> n.active() && !n.apiUrl().isEmpty())
                .map(n -> new PushTarget(n.name(), n.apiUrl()))
                .toList(), new ChangeJson(), PushSettings.defaults(), pushAuth);
    }
}
