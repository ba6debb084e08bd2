package io.weathersync.adapter.http.server;

import io.weathersync.adapter.http.client.HttpMasterClient;
import io.weathersync.adapter.http.client.PushAuth;
import io.weathersync.adapter.http.server.TestServer.Reply;
import io.weathersync.adapter.memory.InMemoryMasterClient;
import io.weathersync.adapter.memory.InMemoryReplica;
import io.weathersync.application.service.QueryWeatherService;
import io.weathersync.application.service.ReplicationServices;
import io.weathersync.application.service.RequestSyncService;
import io.weathersync.domain.status.ClusterStatus;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.wire.ChangeJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slave's receive endpoint takes only the master's pushes: unsigned, forged, replayed-late or altered pushes are
 * a 403 at once and change nothing; the MAC is checked before the body is read; the key comes from the heartbeat.
 */
class PushAuthRoutesTest {

    private static final String RECEIVE = "/api/dms/sync/receive";
    private static SyncPair pair;

    @BeforeAll
    static void start() {
        pair = new SyncPair();
    }

    @AfterAll
    static void stop() {
        pair.close();
    }

    @Test
    void anUnsignedLiveChangeIsA403AndNothingIsApplied() {
        String before = SyncPair.digest(pair.slaveServer);

        Reply reply = pair.slaveServer.post(RECEIVE, nextChange(), "X-Push-None", "unsigned");

        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.json().get("message").asText()).startsWith("push refused: unsigned push");
        assertThat(SyncPair.digest(pair.slaveServer)).isEqualTo(before);
    }

    @Test
    void aPushSignedWithAnotherKeyIsA403() {
        assertRefused(PushAuth.withKey(new byte[32], Clock.systemUTC()), nextChange(), null, "does not match");
    }

    @Test
    void aPushOutsideTheReplayWindowIsA403() {
        Clock past = Clock.fixed(Instant.now().minusSeconds(31), ZoneOffset.UTC);
        PushAuth late = PushAuth.withKey("a test push key, 32 bytes long!!".getBytes(StandardCharsets.UTF_8), past);
        assertRefused(late, nextChange(), null, "outside the 30 s window");
    }

    @Test
    void aBodyOtherThanTheSignedOneIsA403() {
        String signedBody = nextChange();
        String other = signedBody.replace("\"temp\":", "\"temp\":1");
        assertRefused(TestPush.AUTH, signedBody, other, "does not match its signed hash");
    }

    @Test
    void aSlaveThatHasNotLearnedTheKeyRefusesEveryPush() {
        InMemoryReplica replica = new InMemoryReplica();
        InMemoryMasterClient master = new InMemoryMasterClient(pair.master.log, pair.master.publicKey);
        try (TestServer fresh = TestServer.start(routing -> SlaveApi.register(routing, new SlaveApi.Dependencies(
                new QueryWeatherService(replica), ReplicationServices.of(replica, master, null, Clock.systemUTC(), 100,
                100).live(), push -> 0, new RequestSyncService(master), () -> ClusterStatus.of(List.of()),
                List.of())))) {
            Reply reply = fresh.post(RECEIVE, nextChange());
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            assertThat(reply.json().get("message").asText()).contains("has not learned the master's push key");
        }
    }

    @Test
    void aForgedPushIsRefusedBeforeItsBodyIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", pair.slaveServer.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            // Announces a megabyte, sends 10 bytes: the answer must not wait for the rest.
            out.write(("POST " + RECEIVE + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000\r\n" + PushAuth.TIME_HEADER + ": " + Instant.now().getEpochSecond()
                    + "\r\n" + PushAuth.BODY_HEADER + ": 00\r\n" + PushAuth.SIGNATURE_HEADER + ": AAAA\r\n\r\n"
                    + "[{\"v\":1,\"s").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 403");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void theMasterHandsItsPushKeyToAnAuthenticatedSlaveWhosePushesThenPass() {
        PushAuth masterKey = PushAuth.derivedFrom(pair.master.keys.getPrivate(), Clock.systemUTC());
        PushAuth learner = PushAuth.awaitingKey(Clock.systemUTC());
        try (TestServer master = TestServer.start(routing -> MasterApi.register(routing, pair.master.deps(),
                new Protections(masterKey, Optional.empty())));
             HttpMasterClient client = new HttpMasterClient("http://127.0.0.1:" + master.port(),
                     pair.slave.apiKey(), pair.slave.apiSecret(), new ChangeJson()).learnPushKeyInto(learner)) {
            assertThat(learner.keyBase64()).isEmpty();
            Reply anonymous = master.post("/api/v1/cascade/heartbeat", "{}");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.body()).doesNotContain("push_key");

            client.heartbeat(new Heartbeat(null, 0, null, Duration.ZERO, "test", "127.0.0.1", 1));

            assertThat(learner.keyBase64()).isEqualTo(masterKey.keyBase64());
            byte[] body = nextChange().getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = masterKey.sign("POST", RECEIVE, body);
            assertThat(learner.refuseHeaders("POST", RECEIVE, Optional.of(headers.get(PushAuth.TIME_HEADER)),
                    Optional.of(headers.get(PushAuth.BODY_HEADER)),
                    Optional.of(headers.get(PushAuth.SIGNATURE_HEADER)))).isEmpty();
        }
        assertThat(PushAuth.derivedFrom(pair.master.keys.getPrivate(), Clock.systemUTC()).keyBase64())
                .as("derived again after a restart: the same key").isEqualTo(masterKey.keyBase64());
    }

    @Test
    void aRequestedSyncPushedAndSignedByTheMasterPasses() {
        pair.corrupt("Oslo");
        assertThat(pair.inSync()).isFalse();

        pair.level(); // the master's HttpSlavePush signs each page; the slave verifies before reading it

        assertThat(pair.inSync()).isTrue();
    }

    private static void assertRefused(PushAuth signer, String signedBody, String sentBody, String reason) {
        String before = SyncPair.digest(pair.slaveServer);
        Map<String, String> headers = signer.sign("POST", RECEIVE, signedBody.getBytes(StandardCharsets.UTF_8));
        Reply reply = pair.slaveServer.post(RECEIVE, sentBody == null ? signedBody : sentBody,
                PushAuth.TIME_HEADER, headers.get(PushAuth.TIME_HEADER),
                PushAuth.BODY_HEADER, headers.get(PushAuth.BODY_HEADER),
                PushAuth.SIGNATURE_HEADER, headers.get(PushAuth.SIGNATURE_HEADER));
        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.json().get("message").asText()).contains(reason);
        assertThat(SyncPair.digest(pair.slaveServer)).isEqualTo(before);
    }

    /** The master's next change (seq head + 1, validly signed) as a live push body. */
    private static String nextChange() {
        List<Change> all = pair.master.log.changesAfter(0, 10_000).changes();
        Change last = all.getLast();
        Change next = new Change(last.stream(), last.seq() + 1, last.reading());
        ChangeSigner signer = new ChangeSigner(pair.master.keys.getPrivate());
        return Replies.CODEC.toJson(List.of(new SignedChange(next, signer.sign(next))));
    }
}
