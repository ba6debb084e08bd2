package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRouting;
import io.weathersync.application.port.in.QueryWeatherUseCase;
import io.weathersync.application.port.in.ReceiveChangesUseCase;
import io.weathersync.application.port.in.ReceivePushUseCase;
import io.weathersync.application.port.in.ReportStatusUseCase;
import io.weathersync.application.port.in.RequestSyncUseCase;
import io.weathersync.domain.status.NodeRole;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * A slave's whole HTTP API, for app-slave to register on its routing:
 * <pre>{@code
 * HttpNode node = HttpNode.start(host, port, routing -> SlaveApi.register(routing,
 *         new SlaveApi.Dependencies(query, serialReplication, serialReplication, new RequestSyncService(masterClient),
 *                 slaveStatus, List.of(HealthCheck.of("store", ...)))));
 * }</pre>
 * Routes: {@code /api/health}, {@code /api/weather/latest|local|history}, {@code /api/dms/digest},
 * {@code /api/dms/status}, {@code POST /api/dms/sync/receive} (the master's live changes and pushed pages,
 * authenticated by the master's signatures), {@code POST /api/dms/slaves/{slave_name}/sync} (asks the master for a
 * sync, forwarded with this slave's credentials), and {@code POST /api/publish}, which answers 403: a replica is
 * read-only.
 */
public final class SlaveApi {

    private SlaveApi() {
    }

    /** Registers every slave route with the default {@link Protections}: pushes refused, operator sync 403. */
    public static void register(HttpRouting.Builder routing, Dependencies deps) {
        register(routing, deps, Protections.defaults(Clock.systemUTC()));
    }

    /** Registers every slave route, the JSON error handling and the security headers on {@code routing}. */
    public static void register(HttpRouting.Builder routing, Dependencies deps, Protections protections) {
        ErrorReplies.install(routing);
        ClientFilters.install(routing, protections);
        routing.register(
                new HealthRoutes(deps.health()),
                WeatherRoutes.replica(deps.query()),
                new StatusRoutes(deps.status(), NodeRole.SLAVE),
                PublishRoutes.readOnly(),
                new ReceiveRoutes(deps.receive(), deps.receivePush(), protections.push()),
                new RequestSyncRoutes(deps.requestSync(),
                        new AdminGuard(protections.adminToken(), AuthThrottle.standard(Clock.systemUTC()))));
        Console.register(routing);
    }

    /**
     * What a slave's API needs.
     *
     * @param query       reads from the replica
     * @param receive     the master's live changes ({@code SerialReplication}: queued for the replication thread)
     * @param receivePush the master's pushed pages ({@code SerialReplication}: written on the replication thread)
     * @param requestSync forwards an operator's sync request to the master ({@code RequestSyncService})
     * @param status      the status view as this slave sees it (the master and itself)
     * @param health      the components {@code /api/health} reports, in order
     */
    public record Dependencies(QueryWeatherUseCase query, ReceiveChangesUseCase receive,
                               ReceivePushUseCase receivePush, RequestSyncUseCase requestSync,
                               ReportStatusUseCase status, List<HealthCheck> health) {

        /** Requires every part. */
        public Dependencies {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(receive, "receive");
            Objects.requireNonNull(receivePush, "receivePush");
            Objects.requireNonNull(requestSync, "requestSync");
            Objects.requireNonNull(status, "status");
            health = List.copyOf(health);
        }
    }
}
