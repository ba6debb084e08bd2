package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.adapter.http.server.TestServer.Reply;
import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryMasterClient;
import io.weathersync.adapter.memory.InMemoryReplica;
import io.weathersync.application.service.QueryWeatherService;
import io.weathersync.application.service.ReplicationServices;
import io.weathersync.application.service.RequestSyncService;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.message.ChangeVerifier;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.status.ClusterStatus;
import io.weathersync.domain.status.NodeRole;
import io.weathersync.domain.status.NodeState;
import io.weathersync.domain.status.NodeStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.weathersync.adapter.http.server.MasterFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slave's API: the shared read routes plus {@code /api/weather/local}, the master's push, a read-only publish.
 * The tests share one replica; a push that shows a gap makes it catch up from the in-memory master, so every
 * test holds in whatever order JUnit runs them.
 */
class SlaveApiTest {

    private static final MasterFixture KEYS = new MasterFixture();
    private static final InMemoryChangeLog MASTER_LOG = new InMemoryChangeLog();
    private static final InMemoryReplica REPLICA = new InMemoryReplica();
    private static final ChangeSigner SIGNER = new ChangeSigner(KEYS.keys.getPrivate());
    private static final String REFUSAL = "the master refuses this slave (HTTP 401: invalid credentials)";
    private static final ClusterStatus STATUS = ClusterStatus.of(List.of(
            new NodeStatus("master", NodeRole.MASTER, "10.0.0.1", 8080, NodeState.RUNNING, 100, 3, null, 0L, 0, null),
            new NodeStatus("backup1", NodeRole.SLAVE, "10.0.0.2", 8081, NodeState.DEGRADED, 90, 0, NOW, 0L, 0,
                    REFUSAL)));
    private static TestServer server;

    @BeforeAll
    static void start() {
        List<Change> changes = MASTER_LOG.append(MasterFixture.hourly("Beijing", 3));
        ReplicationServices replication = ReplicationServices.of(REPLICA,
                new InMemoryMasterClient(MASTER_LOG, KEYS.publicKey), new ChangeVerifier(KEYS.keys.getPublic()),
                KEYS.clock, 100, 100);
        replication.live().receive(signed(changes.subList(0, 1)));
        server = TestServer.start(routing -> TestPush.register(routing, new SlaveApi.Dependencies(
                new QueryWeatherService(REPLICA), replication.live(), replication.pushes(),
                new RequestSyncService(new InMemoryMasterClient(MASTER_LOG, KEYS.publicKey)), () -> STATUS,
                List.of(HealthCheck.of("store", () -> true), HealthCheck.notConfigured("redis"),
                        HealthCheck.nonCritical("credentials", () -> true).degradedWhen(() -> Optional.of(REFUSAL))))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pushedSignedChangesAreApplied() {
        List<Change> more = MASTER_LOG.append(MasterFixture.hourly("Oslo", 2));
        String body = Replies.CODEC.toJson(signed(more));

        Reply reply = server.post("/api/dms/sync/receive", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.keys()).containsExactly("result", "received");
        assertThat(reply.json().get("result").asText()).isEqualTo("success");
        assertThat(reply.json().get("received").asInt()).isEqualTo(2);
        assertThat(REPLICA.state()).isEqualTo(new SyncState(MASTER_LOG.stream(), MASTER_LOG.head()));
        assertThat(REPLICA.latest(new City("Oslo"))).isPresent();
        assertThat(REPLICA.digest().hash()).isEqualTo(MASTER_LOG.digest().hash());
    }

    @Test
    void aSingleChangeObjectIsAcceptedToo() {
        List<Change> one = MASTER_LOG.append(MasterFixture.hourly("Lima", 1));

        Reply reply = server.post("/api/dms/sync/receive",
                Replies.CODEC.toJsonObject(signed(one).getFirst()).toString());

        assertThat(reply.json().get("received").asInt()).isEqualTo(1);
        assertThat(REPLICA.state().appliedSeq()).isEqualTo(MASTER_LOG.head());
    }

    @Test
    void aForgedSignatureIsReceivedButNotApplied() {
        SyncState before = REPLICA.state();
        Change real = MASTER_LOG.changesAfter(0, 1).changes().getFirst();
        Change forged = new Change(MASTER_LOG.stream(), before.appliedSeq() + 1,
                WeatherReading.of(new City("Forged"), NOW.minusSeconds(5), 30, 30, "evil"));

        Reply reply = server.post("/api/dms/sync/receive",
                Replies.CODEC.toJson(List.of(new SignedChange(forged, SIGNER.sign(real)))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(REPLICA.state()).isEqualTo(before);
        assertThat(REPLICA.latest(new City("Forged"))).isEmpty();
    }

    @Test
    void aBodyThatIsNotAMessageIsA400AndAppliesNothing() {
        SyncState before = REPLICA.state();
        List<Change> next = MASTER_LOG.append(MasterFixture.hourly("Quito", 2));
        String good = Replies.CODEC.toJsonObject(signed(next).getFirst()).toString();
        for (String body : List.of("{\"v\":1,", "[" + good + ",", "\"change\"", "42", "")) {
            Reply reply = server.post("/api/dms/sync/receive", body);
            assertThat(reply.status()).as(body + " → " + reply.body()).isEqualTo(400);
            assertThat(reply.keys()).containsExactlyElementsOf(Reply.ERROR_KEYS);
            assertThat(reply.json().get("error").asText()).startsWith("body: ");
        }
        Reply wrongType = server.send("POST", "/api/dms/sync/receive", "text/plain", good);
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(REPLICA.state()).isEqualTo(before);
        assertThat(REPLICA.latest(new City("Quito"))).isEmpty();
        server.post("/api/dms/sync/receive", Replies.CODEC.toJson(signed(next)));
        assertThat(REPLICA.latest(new City("Quito"))).isPresent();
    }

    @Test
    void theGoodChangesOfAPushAreAppliedAndEachBadOneIsNamedInTheReply() {
        List<SignedChange> next = signed(MASTER_LOG.append(MasterFixture.hourly("Santiago", 2)));
        String body = "[" + Replies.CODEC.toJsonObject(next.get(0)) + ",{\"v\":2},7,"
                + Replies.CODEC.toJsonObject(next.get(1)).put("seq", "1") + ","
                + Replies.CODEC.toJsonObject(next.get(1)) + "]";

        Reply reply = server.post("/api/dms/sync/receive", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.keys()).containsExactly("result", "received", "rejected");
        assertThat(reply.json().get("received").asInt()).isEqualTo(2);
        JsonNode rejected = reply.json().get("rejected");
        assertThat(rejected).extracting(entry -> entry.get("kind").asText())
                .containsExactly("unknown_version", "malformed", "invalid_field");
        assertThat(rejected).extracting(entry -> entry.get("reason").asText())
                .satisfiesExactly(reason -> assertThat(reason).startsWith("element 1: v: "),
                        reason -> assertThat(reason).startsWith("element 2: must be a JSON object"),
                        reason -> assertThat(reason).startsWith("element 3: seq: "));
        assertThat(REPLICA.state()).isEqualTo(new SyncState(MASTER_LOG.stream(), MASTER_LOG.head()));
        assertThat(REPLICA.latest(new City("Santiago"))).isPresent();
    }

    @Test
    void aBodyWithNoReadableChangeIsA400NamingEachRejection() {
        SyncState before = REPLICA.state();

        Reply reply = server.post("/api/dms/sync/receive", "{\"v\":1,\"stream\":\"s\",\"seq\":\"1\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).startsWith("city: must be a string");
        assertThat(reply.json().get("rejected").get(0).get("kind").asText()).isEqualTo("invalid_field");
        assertThat(REPLICA.state()).isEqualTo(before);
    }

    @Test
    void publishIsRefusedOnAReadOnlyReplica() {
        SyncState before = REPLICA.state();

        Reply reply = server.post("/api/publish",
                "{\"city\":\"Lima\",\"temp\":18.5,\"humidity\":77,\"timestamp\":\"2026-11-23T09:00:00Z\"}",
                "Authorization", MasterFixture.bearer());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("error").asText()).startsWith("read-only replica:");
        assertThat(REPLICA.state()).isEqualTo(before);
    }

    @Test
    void localAndLatestServeTheReplica() {
        Reply local = server.get("/api/weather/local?city=Beijing");
        Reply latest = server.get("/api/weather/latest?city=Beijing");
        Reply all = server.get("/api/weather/local");

        assertThat(local.status()).isEqualTo(200);
        assertThat(local.keys()).containsExactly("city", "temp", "humidity", "timestamp", "source");
        assertThat(local.body()).isEqualTo(latest.body());
        assertThat(all.json().isArray()).isTrue();
        assertThat(server.get("/api/weather/local?city=Atlantis").status()).isEqualTo(404);
    }

    @Test
    void statusDigestAndHealthAreServedAndARefusedSlaveSaysWhyItIsDegraded() {
        Reply status = server.get("/api/dms/status");
        Reply digest = server.get("/api/dms/digest");
        Reply health = server.get("/api/health");

        assertThat(status.keys()).containsExactly("nodes", "total_nodes", "online_nodes");
        assertThat(status.header("X-Node-Role")).isEqualTo("slave");
        assertThat(status.json().get("nodes").get(1).get("role").asText()).isEqualTo("slave");
        assertThat(status.json().get("nodes").get(1).get("last_sync").asText()).isEqualTo(NOW.toString());
        assertThat(digest.json().get("hash").asText()).isEqualTo(REPLICA.digest().hash());
        assertThat(status.json().get("nodes").get(1).get("status").asText()).isEqualTo("degraded");
        assertThat(status.json().get("nodes").get(1).get("problem").asText()).isEqualTo(REFUSAL);
        assertThat(status.json().get("nodes").get(0).get("problem").isNull()).isTrue();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("degraded");
        assertThat(health.json().get("components").toString())
                .isEqualTo("{\"store\":\"up\",\"redis\":\"not configured\",\"credentials\":\"degraded\"}");
        assertThat(health.json().get("problems").get("credentials").asText()).isEqualTo(REFUSAL);
    }

    @Test
    void theMasterOnlyRoutesAreAbsent() {
        assertThat(server.get("/api/v1/cascade/changes").status()).isEqualTo(404);
        assertThat(server.post("/api/v1/cascade/heartbeat", "{}").status()).isEqualTo(404);
    }

    private static List<SignedChange> signed(List<Change> changes) {
        return changes.stream().map(change -> new SignedChange(change, SIGNER.sign(change))).toList();
    }
}
