package io.weathersync.adapter.http.server;

import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryMasterClient;
import io.weathersync.adapter.memory.InMemoryReplica;
import io.weathersync.application.service.QueryWeatherService;
import io.weathersync.application.service.ReplicaExportService;
import io.weathersync.application.service.ReplicationServices;
import io.weathersync.application.service.RequestSyncService;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.status.ClusterStatus;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slave's own admin endpoint {@code POST /api/dms/follow-stream}: refused with a reason while the slave has no
 * {@code ADMIN_TOKEN}, 401 with a wrong one, 409 while the replica has not diverged, and the followed stream when
 * the use case accepts.
 */
class SlaveAdminRoutesTest {

    private static final String TOKEN = "slave-admin-token";
    private static final StreamId NEW_STREAM = new StreamId("the-new-stream");
    private static final AtomicInteger FOLLOWS = new AtomicInteger();
    private static TestServer withoutToken;
    private static TestServer withToken;
    private static TestServer notDiverged;

    @BeforeAll
    static void start() {
        withoutToken = server(Optional.empty(), SlaveApi.Admin.DISABLED);
        withToken = server(Optional.of(TOKEN), new SlaveApi.Admin(() -> {
            FOLLOWS.incrementAndGet();
            return NEW_STREAM;
        }, new ReplicaExportService(new InMemoryReplica())));
        notDiverged = server(Optional.of(TOKEN), new SlaveApi.Admin(() -> {
            throw new IllegalStateException("this replica has not diverged: it follows stream s at seq 3");
        }, new ReplicaExportService(new InMemoryReplica())));
    }

    private static TestServer server(Optional<String> token, SlaveApi.Admin admin) {
        InMemoryChangeLog log = new InMemoryChangeLog();
        InMemoryReplica replica = new InMemoryReplica();
        InMemoryMasterClient master = new InMemoryMasterClient(log, null);
        ReplicationServices replication = ReplicationServices.of(replica, master, null,
                new MutableClock(Instant.parse("2026-11-23T10:00:00Z")), 10, 10);
        return TestServer.start(routing -> SlaveApi.register(routing, new SlaveApi.Dependencies(
                new QueryWeatherService(replica), replication.live(), replication.pushes(),
                new RequestSyncService(master), () -> ClusterStatus.of(List.of()),
                List.of(HealthCheck.of("store", () -> true)), admin), new Protections(TestPush.AUTH, token)));
    }

    @AfterAll
    static void stop() {
        withoutToken.close();
        withToken.close();
        notDiverged.close();
    }

    @Test
    void withoutAnAdminTokenTheEndpointIsRefusedSayingHowToEnableIt() {
        TestServer.Reply reply = withoutToken.post(SlaveAdminRoutes.FOLLOW, "", "Authorization", "Bearer " + TOKEN);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).contains("ADMIN_TOKEN");
    }

    @Test
    void aWrongTokenIsUnauthorisedAndFollowsNothing() {
        int before = FOLLOWS.get();

        TestServer.Reply reply = withToken.post(SlaveAdminRoutes.FOLLOW, "", "Authorization", "Bearer wrong");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(FOLLOWS.get()).isEqualTo(before);
    }

    @Test
    void theSlavesTokenFollowsTheNewStreamAndNamesIt() {
        TestServer.Reply reply = withToken.post(SlaveAdminRoutes.FOLLOW, "", "Authorization", "Bearer " + TOKEN);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).contains("\"stream\":\"the-new-stream\"");
    }

    @Test
    void aReplicaThatHasNotDivergedAnswersConflictSayingWhy() {
        TestServer.Reply reply = notDiverged.post(SlaveAdminRoutes.FOLLOW, "", "Authorization", "Bearer " + TOKEN);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body()).contains("has not diverged");
    }

    @Test
    void guessesAtOneOperatorRouteCountAtTheOthersAndTheRightTokenStillPasses() {
        try (TestServer slave = server(Optional.of(TOKEN), new SlaveApi.Admin(() -> NEW_STREAM,
                new ReplicaExportService(new InMemoryReplica())))) {
            for (int i = 0; i < AuthThrottle.DEFAULT_MAX_FAILURES; i++) {
                assertThat(slave.post(SlaveAdminRoutes.FOLLOW, "", "Authorization", "Bearer guess-" + i).status())
                        .isEqualTo(401);
            }

            TestServer.Reply forward = slave.post("/api/dms/slaves/backup1/sync", "{}", "Authorization",
                    "Bearer guess-at-the-forwarder");
            TestServer.Reply export = slave.get(SlaveAdminRoutes.EXPORT_REGISTRY, "Authorization", "Bearer " + TOKEN);

            assertThat(forward.status()).as("one count for every route the operator signs").isEqualTo(429);
            assertThat(export.status()).as(export.body()).isEqualTo(200);
        }
    }

    @Test
    void theExportIsRefusedWithoutTheSlavesOwnAdminToken() {
        TestServer.Reply disabled = withoutToken.get(SlaveAdminRoutes.EXPORT, "Authorization", "Bearer " + TOKEN);
        TestServer.Reply wrong = withToken.get(SlaveAdminRoutes.EXPORT_REGISTRY, "Authorization", "Bearer wrong");

        assertThat(disabled.status()).isEqualTo(403);
        assertThat(disabled.body()).contains("ADMIN_TOKEN");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void theExportOfAReplicaFollowingNoStreamIsAConflictAndItsRegistryCopyIsEmpty() {
        TestServer.Reply page = withToken.get(SlaveAdminRoutes.EXPORT + "?after=0&limit=10", "Authorization",
                "Bearer " + TOKEN);
        TestServer.Reply registry = withToken.get(SlaveAdminRoutes.EXPORT_REGISTRY, "Authorization",
                "Bearer " + TOKEN);

        assertThat(page.status()).isEqualTo(409);
        assertThat(page.body()).contains("follows no stream");
        assertThat(registry.status()).as(registry.body()).isEqualTo(200);
        assertThat(registry.body()).contains("\"nodes\":[]");
    }

    @Test
    void aBadExportLimitIsABadRequestNamingIt() {
        TestServer.Reply reply = withToken.get(SlaveAdminRoutes.EXPORT + "?limit=0", "Authorization",
                "Bearer " + TOKEN);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("limit");
    }

    @Test
    void onlyPostIsAllowed() {
        assertThat(withToken.get(SlaveAdminRoutes.FOLLOW, "Authorization", "Bearer " + TOKEN).status()).isEqualTo(405);
    }
}
