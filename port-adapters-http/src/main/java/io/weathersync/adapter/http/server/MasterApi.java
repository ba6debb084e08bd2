package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRouting;
import io.weathersync.application.port.in.BackUpRegistryUseCase;
import io.weathersync.application.port.in.AuthenticateNodeUseCase;
import io.weathersync.application.port.in.DeleteNodeUseCase;
import io.weathersync.application.port.in.EnableNodeUseCase;
import io.weathersync.application.port.in.IssueCredentialsUseCase;
import io.weathersync.application.port.in.ListNodesUseCase;
import io.weathersync.application.port.in.PublishReadingsUseCase;
import io.weathersync.application.port.in.QueryWeatherUseCase;
import io.weathersync.application.port.in.ReadSyncLogsUseCase;
import io.weathersync.application.port.in.RecordHeartbeatUseCase;
import io.weathersync.application.port.in.RecordSyncResultUseCase;
import io.weathersync.application.port.in.RegisterNodeUseCase;
import io.weathersync.application.port.in.ReportStatusUseCase;
import io.weathersync.application.port.in.ServeChangesUseCase;
import io.weathersync.application.port.in.SyncSlaveUseCase;
import io.weathersync.application.port.in.TestConnectionUseCase;
import io.weathersync.application.port.in.UpdateNodeUseCase;
import io.weathersync.domain.status.NodeRole;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The master's whole HTTP API, for app-master to register on its routing:
 * <pre>{@code
 * HttpNode node = HttpNode.start(host, port, routing -> MasterApi.register(routing, new MasterApi.Dependencies(
 *         query, publish, serveChanges, slaveSync, masterStatus, masterStatus, MasterApi.Registry.of(nodeRegistry),
 *         Optional.ofNullable(System.getenv("ADMIN_TOKEN")), List.of(HealthCheck.of("store", ...)),
 *         AuthThrottle.standard(clock), clock)));
 * }</pre>
 * Routes: {@code /api/health}, {@code /api/weather/latest|history}, {@code /api/dms/digest},
 * {@code /api/dms/status}, {@code POST /api/publish} (admin), {@code POST /api/dms/slaves/{slave_name}/sync} (that
 * slave's AK-SK or admin), the {@code /api/v1/cascade/…} node administration (admin) and the slave-facing
 * {@code changes}, {@code heartbeat} and {@code report-result} (AK-SK). Every error is JSON; serve it with
 * {@link HttpNode} so oversize bodies and transport errors are JSON too.
 */
public final class MasterApi {

    private MasterApi() {
    }

    /** Registers every master route with the default {@link Protections} (no push key handed out). */
    public static void register(HttpRouting.Builder routing, Dependencies deps) {
        register(routing, deps, Protections.defaults(deps.clock()));
    }

    /** Registers every master route, the JSON error handling and the security headers on {@code routing}. */
    public static void register(HttpRouting.Builder routing, Dependencies deps, Protections protections) {
        ErrorReplies.install(routing);
        ClientFilters.install(routing, protections);
        AdminGuard admin = new AdminGuard(deps.adminToken(), deps.throttle());
        NodeGuard nodes = new NodeGuard(deps.registry().authenticate(), deps.throttle());
        routing.register(
                new HealthRoutes(deps.health()),
                WeatherRoutes.master(deps.query()),
                new StatusRoutes(deps.status(), NodeRole.MASTER),
                PublishRoutes.master(deps.publish(), admin),
                new ChangesRoutes(deps.changes(), nodes, deps.registry().syncResults(), deps.clock()),
                new SlaveSyncRoutes(deps.syncSlave(), admin, nodes),
                new HeartbeatRoutes(deps.heartbeats(), nodes, protections.push()),
                new ReportRoutes(deps.registry().syncResults(), nodes, deps.clock()),
                new NodeRoutes(deps.registry(), admin),
                new SyncLogRoutes(deps.registry().syncLogs(), admin),
                new RegistryBackupRoutes(deps.registry().backup(), nodes));
        Console.register(routing);
    }

    /**
     * What the master's API needs.
     *
     * @param query      reads (latest, history, digest) from the master's store
     * @param publish    {@code POST /api/publish}
     * @param changes    the catch-up pages
     * @param syncSlave  pushes a slave what it lacks on request ({@code SlaveSyncService})
     * @param status     the status view ({@code MasterStatusService})
     * @param heartbeats slaves' heartbeats ({@code MasterStatusService})
     * @param registry   the node registry's use cases ({@link Registry#of} a {@code NodeRegistryService})
     * @param adminToken {@code ADMIN_TOKEN}; empty (or blank) disables the admin endpoints (403)
     * @param health     the components {@code /api/health} reports, in order
     * @param throttle   limits failed authentications per remote address ({@link AuthThrottle#standard})
     * @param clock      stamps sync log entries
     */
    public record Dependencies(QueryWeatherUseCase query, PublishReadingsUseCase publish, ServeChangesUseCase changes,
                               SyncSlaveUseCase syncSlave, ReportStatusUseCase status,
                               RecordHeartbeatUseCase heartbeats, Registry registry, Optional<String> adminToken,
                               List<HealthCheck> health, AuthThrottle throttle, Clock clock) {

        /** Requires every part. */
        public Dependencies {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(publish, "publish");
            Objects.requireNonNull(changes, "changes");
            Objects.requireNonNull(syncSlave, "syncSlave");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(heartbeats, "heartbeats");
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(adminToken, "adminToken");
            health = List.copyOf(health);
            Objects.requireNonNull(throttle, "throttle");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** The node registry's use cases; {@link #of} takes one object implementing them all. */
    public record Registry(RegisterNodeUseCase register, ListNodesUseCase nodes, EnableNodeUseCase enable,
                           UpdateNodeUseCase update, DeleteNodeUseCase delete,
                           IssueCredentialsUseCase credentials, AuthenticateNodeUseCase authenticate,
                           TestConnectionUseCase testConnection, RecordSyncResultUseCase syncResults,
                           ReadSyncLogsUseCase syncLogs, BackUpRegistryUseCase backup) {

        /** Requires every part. */
        public Registry {
            Objects.requireNonNull(register, "register");
            Objects.requireNonNull(nodes, "nodes");
            Objects.requireNonNull(enable, "enable");
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(delete, "delete");
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(authenticate, "authenticate");
            Objects.requireNonNull(testConnection, "testConnection");
            Objects.requireNonNull(syncResults, "syncResults");
            Objects.requireNonNull(syncLogs, "syncLogs");
            Objects.requireNonNull(backup, "backup");
        }

        /** All from one service, e.g. {@code NodeRegistryService}. */
        public static <S extends RegisterNodeUseCase & ListNodesUseCase & EnableNodeUseCase & UpdateNodeUseCase
                & DeleteNodeUseCase & IssueCredentialsUseCase & AuthenticateNodeUseCase & TestConnectionUseCase
                & RecordSyncResultUseCase & ReadSyncLogsUseCase & BackUpRegistryUseCase>
        Registry of(S service) {
            return new Registry(service, service, service, service, service, service, service, service, service,
                    service, service);
        }
    }
}
