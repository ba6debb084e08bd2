package io.weathersync.adapter.http.server;

import io.weathersync.adapter.http.client.HttpMasterClient;
import io.weathersync.adapter.http.client.HttpSlavePush;
import io.weathersync.adapter.memory.InMemoryMasterClient;
import io.weathersync.adapter.memory.InMemoryReplica;
import io.weathersync.application.port.in.RequestSyncUseCase;
import io.weathersync.application.service.QueryWeatherService;
import io.weathersync.application.service.ReplicationServices;
import io.weathersync.application.service.RequestSyncService;
import io.weathersync.domain.cluster.IssuedCredential;
import io.weathersync.domain.cluster.NewNode;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.message.ChangeVerifier;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.status.ClusterStatus;
import io.weathersync.wire.ChangeJson;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A master and one slave ("backup1"), each a real server on port 0: the master runs {@link MasterApi} on the
 * in-memory core with a real Ed25519 key and pushes requested syncs with {@link HttpSlavePush} to the slave's
 * {@link SlaveApi}, whose replica trusts that key. The slave cannot pull (its pull client is switched off), so
 * whatever it gains came by push. It starts on the master's stream holding only the first two changes.
 */
final class SyncPair implements AutoCloseable {

    final MasterFixture master = new MasterFixture();
    final InMemoryReplica replica = new InMemoryReplica();
    final TestServer masterServer;
    final TestServer slaveServer;
    final IssuedCredential slave;
    private final HttpSlavePush push = new HttpSlavePush(new ChangeJson(), TestPush.AUTH, Duration.ofSeconds(1), Duration.ofSeconds(5));
    private final HttpMasterClient slaveClient;

    SyncPair() {
        master.log.append(MasterFixture.hourly("Beijing", 4));
        master.log.append(MasterFixture.hourly("Oslo", 3));
        InMemoryMasterClient noPull = new InMemoryMasterClient(master.log, master.publicKey);
        noPull.reachable(false);
        ReplicationServices replication = ReplicationServices.of(replica, noPull, null, master.clock, 100, 100);
        replication.trust().trust(new ChangeVerifier(master.keys.getPublic()));
        replica.beginResync(stream());
        replica.apply(stream(), master.log.changesAfter(0, 2).changes(), 2);
        replica.finishResync();
        masterServer = TestServer.start(routing -> MasterApi.register(routing, master.deps(push)));
        // The slave's credentials exist once its URL is registered, so its forwarder is set after it starts.
        AtomicReference<RequestSyncUseCase> forward = new AtomicReference<>();
        slaveServer = TestServer.start(routing -> TestPush.register(routing, new SlaveApi.Dependencies(
                new QueryWeatherService(replica), replication.live(), replication.pushes(),
                (name, repair) -> forward.get().requestSync(name, repair), () -> ClusterStatus.of(List.of()),
                List.of())));
        Node node = master.nodes.register(new NewNode(NodeType.CHILD, "backup1", "",
                "http://127.0.0.1:" + slaveServer.port()));
        slave = master.nodes.issue(node.id()).orElseThrow();
        slaveClient = new HttpMasterClient("http://127.0.0.1:" + masterServer.port(), slave.apiKey(),
                slave.apiSecret(), new ChangeJson());
        forward.set(new RequestSyncService(slaveClient));
    }

    StreamId stream() {
        return master.log.stream();
    }

    /** Whether both nodes answer the same {@code /api/dms/digest}. */
    boolean inSync() {
        return digest(masterServer).equals(digest(slaveServer));
    }

    static String digest(TestServer server) {
        TestServer.Reply reply = server.get("/api/dms/digest");
        if (reply.status() != 200) {
            throw new AssertionError("digest: " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }

    /** Brings the slave level with the master and undoes any {@link #corrupt}: a sync re-sending everything. */
    void level() {
        TestServer.Reply reply = masterServer.post("/api/dms/slaves/backup1/sync", "{\"start_date\":\"1970-01-01\"}",
                "Authorization", MasterFixture.bearer());
        if (reply.status() != 200 || !inSync()) {
            throw new AssertionError("could not level the slave: " + reply.body());
        }
    }

    /** Makes the slave hold a wrong value for {@code city}'s oldest reading, as a bug or a bad disk might. */
    void corrupt(String city) {
        Change held = master.log.changesAfter(0, 10_000).changes().stream()
                .filter(change -> change.reading().city().equals(new City(city))).findFirst().orElseThrow();
        WeatherReading r = held.reading();
        WeatherReading wrong = WeatherReading.of(r.city(), r.observedAt(), r.temperature() + 1, r.humidity(),
                r.source());
        replica.apply(stream(), List.of(new Change(stream(), held.seq(), wrong)), replica.state().appliedSeq());
    }

    /** The master's sync log entries of backup1. */
    List<SyncLogEntry> syncLog() {
        return master.syncLog(Optional.of(slave.nodeId()));
    }

    @Override
    public void close() {
        slaveClient.close();
        push.close();
        masterServer.close();
        slaveServer.close();
    }
}
