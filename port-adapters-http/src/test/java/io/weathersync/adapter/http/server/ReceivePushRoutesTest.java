package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.weathersync.domain.message.SignedPush;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.SyncPush;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.status.ClusterStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slave's {@code POST /api/dms/sync/receive} taking pushed pages (objects with {@code kind}), verified as a whole
 * against the master's key, beside the live changes it always took. The slave cannot pull, so nothing reaches
 * it except through the route.
 */
class ReceivePushRoutesTest {

    private static final String RECEIVE = "/api/dms/sync/receive";
    private static final MasterFixture KEYS = new MasterFixture();
    private static final InMemoryChangeLog LOG = new InMemoryChangeLog();
    private static final InMemoryReplica REPLICA = new InMemoryReplica();
    private static final ChangeSigner SIGNER = new ChangeSigner(KEYS.keys.getPrivate());
    private static TestServer server;

    @BeforeAll
    static void start() {
        LOG.append(MasterFixture.hourly("Beijing", 3));
        InMemoryMasterClient noPull = new InMemoryMasterClient(LOG, KEYS.publicKey);
        noPull.reachable(false);
        ReplicationServices replication = ReplicationServices.of(REPLICA, noPull, null, KEYS.clock, 100, 100);
        replication.trust().trust(new ChangeVerifier(KEYS.keys.getPublic()));
        REPLICA.beginResync(LOG.stream());
        REPLICA.finishResync();
        server = TestServer.start(routing -> TestPush.register(routing, new SlaveApi.Dependencies(
                new QueryWeatherService(REPLICA), replication.live(), replication.pushes(), new RequestSyncService(noPull),
                () -> ClusterStatus.of(List.of()), List.of())));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSignedCatchUpPageIsAppliedAndTheReplyCountsWhatWasWritten() {
        LOG.append(MasterFixture.hourly("Oslo", 2));
        long applied = REPLICA.state().appliedSeq();
        ChangePage page = LOG.changesAfter(applied, 1000);

        Reply reply = push(SIGNER.sign(new SyncPush(SyncPush.Kind.CATCH_UP, applied, page)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.keys()).containsExactly("result", "written");
        assertThat(reply.json().get("result").asText()).isEqualTo("success");
        assertThat(reply.json().get("written").asInt()).isEqualTo(page.changes().size()).isPositive();
        assertThat(REPLICA.state()).isEqualTo(new SyncState(LOG.stream(), LOG.head()));
        assertThat(REPLICA.digest()).isEqualTo(LOG.digest());
    }

    @Test
    void aPageSignedWithAnotherKeyIsA403AndWritesNothing() throws Exception {
        ChangeSigner stranger = new ChangeSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());

        assertRefused(pending -> push(stranger.sign(pending)));
    }

    @Test
    void anUnsignedOrTamperedPageIsA403AndWritesNothing() {
        assertRefused(pending -> push(new SignedPush(pending, null)));
        assertRefused(pending -> {
            ObjectNode body = Replies.CODEC.toJsonObject(SIGNER.sign(pending));
            ((ObjectNode) body.get("changes").get(0)).put("temp", 55.5);
            return server.post(RECEIVE, body.toString());
        });
        assertRefused(pending -> {
            ObjectNode body = Replies.CODEC.toJsonObject(SIGNER.sign(pending));
            return server.post(RECEIVE, body.put("kind", "repair").put("after", 0).toString());
        });
    }

    @Test
    void aMalformedPageIsA400NamingTheFieldAndWritesNothing() {
        SyncState before = REPLICA.state();
        List<Change> lima = LOG.append(MasterFixture.hourly("Lima", 2));
        ObjectNode good = Replies.CODEC.toJsonObject(SIGNER.sign(
                new SyncPush(SyncPush.Kind.CATCH_UP, before.appliedSeq(), LOG.changesAfter(before.appliedSeq(), 1000))));
        for (String field : List.of("kind", "after", "changes")) {
            ObjectNode bad = good.deepCopy();
            bad.put(field, "bogus");
            Reply reply = server.post(RECEIVE, bad.toString());
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().get("error").asText()).startsWith(field + ":");
        }
        ObjectNode humid = good.deepCopy();
        ((ObjectNode) humid.get("changes").get(0)).put("humidity", 400);
        assertThat(server.post(RECEIVE, humid.toString()).json().get("error").asText()).startsWith("changes[0]: humidity");
        assertThat(REPLICA.state()).isEqualTo(before);
        assertThat(REPLICA.latest(lima.getFirst().reading().city())).isEmpty();
        assertThat(server.post(RECEIVE, good.toString()).status()).isEqualTo(200);
    }

    @Test
    void aRepairPageRewritesADivergentReadingOnly() {
        level();
        Change held = LOG.changesAfter(0, 1).changes().getFirst();
        WeatherReading r = held.reading();
        REPLICA.apply(LOG.stream(), List.of(new Change(LOG.stream(), held.seq(),
                WeatherReading.of(r.city(), r.observedAt(), r.temperature() - 3, r.humidity(), r.source()))),
                REPLICA.state().appliedSeq());
        assertThat(REPLICA.digest()).isNotEqualTo(LOG.digest());

        Reply reply = push(SIGNER.sign(new SyncPush(SyncPush.Kind.REPAIR, 0, LOG.changesAfter(0, 1000))));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("written").asInt()).isEqualTo(1);
        assertThat(REPLICA.digest()).isEqualTo(LOG.digest());
    }

    @Test
    void liveChangesAreStillTakenAsBefore() {
        level();
        List<Change> quito = LOG.append(MasterFixture.hourly("Quito", 2));
        List<SignedChange> live = quito.stream().map(change -> new SignedChange(change, SIGNER.sign(change))).toList();

        Reply reply = server.post(RECEIVE, Replies.CODEC.toJson(live));

        assertThat(reply.keys()).containsExactly("result", "received");
        assertThat(reply.json().get("received").asInt()).isEqualTo(2);
        assertThat(REPLICA.latest(new City("Quito"))).isPresent();
        assertThat(REPLICA.state().appliedSeq()).isEqualTo(LOG.head());
    }

    /** A page of new readings sent by {@code send} is refused with 403 and leaves the replica as it was. */
    private static void assertRefused(Function<SyncPush, Reply> send) {
        level();
        SyncState before = REPLICA.state();
        List<Change> fresh = LOG.append(MasterFixture.hourly("Forged" + LOG.head(), 1));
        SyncPush pending = new SyncPush(SyncPush.Kind.CATCH_UP, before.appliedSeq(),
                LOG.changesAfter(before.appliedSeq(), 1000));

        Reply reply = send.apply(pending);

        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.keys()).containsExactlyElementsOf(Reply.ERROR_KEYS);
        assertThat(reply.json().get("error").asText()).startsWith("sig: ");
        assertThat(REPLICA.state()).isEqualTo(before);
        assertThat(REPLICA.latest(fresh.getFirst().reading().city())).isEmpty();
    }

    /** Brings the replica level with the log through the route. */
    private static void level() {
        long applied = REPLICA.state().appliedSeq();
        Reply reply = push(SIGNER.sign(new SyncPush(SyncPush.Kind.CATCH_UP, applied, LOG.changesAfter(applied, 1000))));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(REPLICA.digest()).isEqualTo(LOG.digest());
    }

    private static Reply push(SignedPush push) {
        return server.post(RECEIVE, Replies.CODEC.toJsonObject(push).toString());
    }
}
