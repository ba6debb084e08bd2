package io.weathersync.application.service;

import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.HeartbeatReply;
import io.weathersync.application.port.out.MasterClient;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.ReadingRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A master whose log a test can swap (a master that lost its store), that fails from a given call on, and
 * that runs a probe before answering each page, so a test can look at the replica in the middle of a catch-up.
 */
final class ScriptedMaster implements MasterClient {

    private ChangeLog log;
    private int failFromCall = Integer.MAX_VALUE;
    private int calls;
    private Runnable probe = () -> { };
    final List<Long> afters = new ArrayList<>();

    ScriptedMaster(ChangeLog log) {
        this.log = log;
    }

    void serve(ChangeLog newLog) {
        this.log = newLog;
    }

    /** Calls from the {@code call}-th on (counting from now, 1-based) fail as unreachable. */
    void failFromCall(int call) {
        failFromCall = calls + call;
    }

    void recover() {
        failFromCall = Integer.MAX_VALUE;
    }

    void probe(Runnable check) {
        this.probe = check;
    }

    @Override
    public ChangePage changesAfter(long after, int limit) {
        calls++;
        if (calls >= failFromCall) {
            throw new MasterUnavailableException("scripted outage");
        }
        afters.add(after);
        probe.run();
        return log.changesAfter(after, limit);
    }

    @Override
    public HeartbeatReply heartbeat(Heartbeat heartbeat) {
        return new HeartbeatReply(log.stream(), log.head(), null, null, java.time.Duration.ZERO, 0);
    }

    @Override
    public void reportResult(SyncLogEntry entry) {
    }

    @Override
    public SyncOutcome requestSync(String slaveName, Optional<ReadingRange> repair) {
        throw new MasterUnavailableException("this scripted master takes no sync requests");
    }
}
