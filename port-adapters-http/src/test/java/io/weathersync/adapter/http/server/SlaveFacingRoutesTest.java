package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.adapter.http.server.TestServer.Reply;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.IssuedCredential;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncOperation;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.weathersync.adapter.http.server.MasterFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The master's AK-SK routes for slaves: catch-up pages, heartbeats, result reports. */
class SlaveFacingRoutesTest {

    private static final MasterFixture MASTER = new MasterFixture();
    private static final String AUTH = "Authorization";
    private static IssuedCredential slave;
    private static TestServer server;

    @BeforeAll
    static void start() {
        MASTER.log.append(MasterFixture.hourly("Beijing", 4));
        MASTER.log.append(MasterFixture.hourly("Oslo", 3));
        slave = MASTER.slave("backup1");
        server = TestServer.start(routing -> MasterApi.register(routing, MASTER.deps()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void changesArePagesInTheMessageFormat() {
        Reply reply = server.get("/api/v1/cascade/changes?after=2&limit=3", AUTH, MasterFixture.akSk(slave));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.keys()).containsExactly("code", "message", "data");
        assertThat(reply.json().get("code").asInt()).isZero();
        JsonNode data = reply.json().get("data");
        assertThat(Reply.keys(data)).containsExactly("stream", "head", "complete_through", "changes");
        assertThat(data.get("stream").asText()).isEqualTo(MASTER.log.stream().value());
        assertThat(data.get("head").asLong()).isEqualTo(7);
        assertThat(data.get("complete_through").asLong()).isEqualTo(5);
        ChangePage page = Replies.CODEC.pageFromJson(data);
        assertThat(page.changes()).extracting(Change::seq).containsExactly(3L, 4L, 5L);
        assertThat(page.changes().getFirst()).isEqualTo(MASTER.log.changesAfter(2, 1).changes().getFirst());
        JsonNode first = data.get("changes").get(0);
        assertThat(Reply.keys(first)).startsWith("v", "stream", "seq", "city", "temp", "humidity", "timestamp");
    }

    @Test
    void aPageWithChangesIsNotedInTheSyncLogAndAnEmptyOneIsNot() {
        int before = MASTER.syncLog(Optional.of(slave.nodeId())).size();

        server.get("/api/v1/cascade/changes?after=0&limit=2", AUTH, MasterFixture.akSk(slave));
        Reply empty = server.get("/api/v1/cascade/changes?after=7", AUTH, MasterFixture.akSk(slave));

        assertThat(empty.json().get("data").get("changes")).isEmpty();
        assertThat(empty.json().get("data").get("complete_through").asLong()).isEqualTo(7);
        List<SyncLogEntry> log = MASTER.syncLog(Optional.of(slave.nodeId()));
        assertThat(log).hasSize(before + 1);
        assertThat(log.getFirst()).isEqualTo(SyncLogEntry.at(slave.nodeId(), SyncOperation.CATCH_UP, true, 2, 1, 2, NOW,
                ""));
    }

    @Test
    void badChangesParametersAreA400NamingThem() {
        for (String query : List.of("after=-1", "after=x", "limit=0", "limit=5001", "limit=1.5")) {
            Reply reply = server.get("/api/v1/cascade/changes?" + query, AUTH, MasterFixture.akSk(slave));
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.json().get("code").asInt()).isEqualTo(400);
            assertThat(reply.json().get("message").asText()).as(query).startsWith(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void aHeartbeatIsRecordedAndAnsweredWithStreamHeadAndKey() {
        Reply reply = server.post("/api/v1/cascade/heartbeat", "{\"stream\":\"" + MASTER.log.stream().value()
                + "\",\"applied_seq\":6,\"last_sync\":\"2026-11-23T09:59:00Z\",\"uptime\":120.5,"
                + "\"version\":\"0.1.0\",\"host\":\"10.0.0.2\",\"port\":8081}", AUTH, MasterFixture.akSk(slave));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.keys()).containsExactly("code", "message", "data");
        JsonNode data = reply.json().get("data");
        assertThat(Reply.keys(data)).containsExactly("stream", "head", "public_key", "name", "uptime", "tasks_count");
        assertThat(data.get("uptime").asLong()).isEqualTo(3600);
        assertThat(data.get("tasks_count").asInt()).isEqualTo(3);
        assertThat(data.get("name").asText()).isEqualTo("backup1");
        assertThat(data.get("head").asLong()).isEqualTo(7);
        assertThat(data.get("public_key").asText()).isEqualTo(MASTER.publicKey);
        HeartbeatRecord beat = heartbeatOf(slave.nodeId());
        assertThat(beat.heartbeat().appliedSeq()).isEqualTo(6);
        assertThat(beat.heartbeat().uptime()).isEqualTo(Duration.ofMillis(120_500));
        assertThat(beat.heartbeat().lastSync()).isEqualTo(NOW.minusSeconds(60));
        assertThat(beat.heartbeat().port()).isEqualTo(8081);
    }

    @Test
    void aFirstHeartbeatWithoutBodyIsAcceptedWithNothingKnownYet() {
        IssuedCredential quiet = MASTER.slave("quiet");

        Reply reply = server.send("POST", "/api/v1/cascade/heartbeat", null, (String) null,
                AUTH, MasterFixture.akSk(quiet));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(heartbeatOf(quiet.nodeId()).heartbeat().appliedSeq()).isZero();
        assertThat(heartbeatOf(quiet.nodeId()).receivedAt()).isEqualTo(NOW);
    }

    @Test
    void aHeartbeatWithoutBodyRefreshesTheTimeAndKeepsWhatTheSlaveReportedBefore() {
        IssuedCredential full = MASTER.slave("full-then-bare");
        server.post("/api/v1/cascade/heartbeat", "{\"stream\":\"" + MASTER.log.stream().value()
                + "\",\"applied_seq\":7,\"uptime\":600,\"host\":\"10.0.0.3\",\"port\":8081}", AUTH,
                MasterFixture.akSk(full));
        HeartbeatRecord reported = heartbeatOf(full.nodeId());
        MASTER.clock.advance(Duration.ofSeconds(30));

        Reply bare = server.send("POST", "/api/v1/cascade/heartbeat", null, (String) null, AUTH,
                MasterFixture.akSk(full));
        Reply empty = server.post("/api/v1/cascade/heartbeat", "{}", AUTH, MasterFixture.akSk(full));
        MASTER.clock.advance(Duration.ofSeconds(-30));

        assertThat(bare.status()).isEqualTo(200);
        assertThat(empty.status()).isEqualTo(200);
        HeartbeatRecord after = heartbeatOf(full.nodeId());
        assertThat(after.heartbeat()).isEqualTo(reported.heartbeat());
        assertThat(after.receivedAt()).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void mistypedHeartbeatsAreA400NamingTheFieldAndRecordNothing() {
        IssuedCredential typo = MASTER.slave("typo");
        for (String body : List.of("{\"applied_seq\":\"6\"}", "{\"applied_seq\":-1}", "{\"applied_seq\":1.5}",
                "{\"uptime\":-3}", "{\"last_sync\":\"yesterday\"}", "{\"port\":70000}", "{\"stream\":\"not a stream!\"}",
                "{\"host\":5}")) {
            Reply reply = server.post("/api/v1/cascade/heartbeat", body, AUTH, MasterFixture.akSk(typo));
            assertThat(reply.status()).as(body + " → " + reply.body()).isEqualTo(400);
            String field = body.substring(2, body.indexOf('"', 2));
            assertThat(reply.json().get("message").asText()).as(body).startsWith(field + ":");
        }
        assertThat(MASTER.registry.lastHeartbeats()).noneMatch(beat -> beat.nodeId().equals(typo.nodeId()));
    }

    @Test
    void aReportBecomesSyncLogEntriesOfOperationReportResult() {
        IssuedCredential reporter = MASTER.slave("reporter");

        Reply reply = server.post("/api/v1/cascade/report-result", "{\"task_id\":\"task-uuid\",\"results\":["
                + "{\"mp_id\":\"mp-uuid\",\"article_count\":10,\"timestamp\":\"2024-01-01T00:00:00\"},"
                + "{\"success\":false,\"from_seq\":3,\"to_seq\":9,\"count\":7,\"detail\":\"timeout\"}],"
                + "\"timestamp\":\"2024-01-01T00:00:00\"}", AUTH, MasterFixture.akSk(reporter));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("data").get("recorded").asInt()).isEqualTo(2);
        List<SyncLogEntry> entries = MASTER.syncLog(Optional.of(reporter.nodeId()));
        assertThat(entries).hasSize(2).allMatch(entry -> entry.operation() == SyncOperation.REPORT_RESULT)
                .allMatch(entry -> entry.taskId().equals("task-uuid") && entry.completedAt().equals(NOW));
        SyncLogEntry failed = entries.get(0);
        assertThat(failed.success()).isFalse();
        assertThat(failed.fromSeq()).isEqualTo(3);
        assertThat(failed.toSeq()).isEqualTo(9);
        assertThat(failed.count()).isEqualTo(7);
        assertThat(entries.get(1).detail()).startsWith("{").contains("\"mp_id\":\"mp-uuid\"");
        assertThat(entries.get(1).startedAt()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(entries.get(1).success()).isTrue();
    }

    @Test
    void aBadReportIsA400AndRecordsNothing() {
        IssuedCredential sloppy = MASTER.slave("sloppy");
        for (String body : List.of("{\"task_id\":\"t\"}", "{\"results\":{}}", "{\"results\":[1]}",
                "{\"results\":[{\"count\":1},{\"success\":\"yes\"}]}", "{\"results\":[],\"timestamp\":\"01/01/2024\"}",
                "{\"results\":[{\"count\":-1}]}")) {
            Reply reply = server.post("/api/v1/cascade/report-result", body, AUTH, MasterFixture.akSk(sloppy));
            assertThat(reply.status()).as(body + " → " + reply.body()).isEqualTo(400);
            assertThat(reply.keys()).containsExactly("code", "message", "data", "error");
        }
        assertThat(MASTER.syncLog(Optional.of(sloppy.nodeId()))).isEmpty();
    }

    @Test
    void missingMalformedOrWrongCredentialsAreA401() {
        String wrongSecret = "AK-SK " + slave.apiKey() + ":CS" + "x".repeat(32);
        String unknownKey = "AK-SK CN" + "y".repeat(32) + ":" + slave.apiSecret();
        for (String header : List.of("", "Bearer " + MasterFixture.ADMIN_TOKEN, "AK-SK nocolon", "AK-SK :secret",
                "AK-SK key:", wrongSecret, unknownKey)) {
            Reply reply = header.isEmpty()
                    ? server.get("/api/v1/cascade/changes")
                    : server.get("/api/v1/cascade/changes", AUTH, header);
            assertThat(reply.status()).as(header).isEqualTo(401);
            assertThat(reply.keys()).containsExactlyElementsOf(Reply.ERROR_KEYS);
            assertThat(reply.json().get("code").asInt()).isEqualTo(401);
            assertThat(reply.json().get("data").isNull()).isTrue();
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("AK-SK");
            assertThat(reply.body()).doesNotContain(slave.apiSecret()).doesNotContain(slave.apiKey());
        }
    }

    @Test
    void aDisabledNodeIsA403AndItsHeartbeatIsNotRecorded() {
        IssuedCredential disabled = MASTER.slave("disabled");
        MASTER.nodes.setActive(disabled.nodeId(), false);

        Reply heartbeat = server.post("/api/v1/cascade/heartbeat", "{}", AUTH, MasterFixture.akSk(disabled));
        Reply changes = server.get("/api/v1/cascade/changes", AUTH, MasterFixture.akSk(disabled));

        for (Reply reply : List.of(heartbeat, changes)) {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.json().get("code").asInt()).isEqualTo(403);
            assertThat(reply.json().get("message").asText()).contains("disabled");
        }
        assertThat(MASTER.registry.lastHeartbeats()).noneMatch(beat -> beat.nodeId().equals(disabled.nodeId()));
    }

    private static HeartbeatRecord heartbeatOf(String nodeId) {
        return MASTER.registry.lastHeartbeats().stream().filter(beat -> beat.nodeId().equals(nodeId)).findFirst()
                .orElseThrow();
    }
}
