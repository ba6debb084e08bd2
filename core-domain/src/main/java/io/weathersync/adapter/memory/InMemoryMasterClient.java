package io.weathersync.adapter.memory;

import io.weathersync.application.port.in.SyncSlaveUseCase;
import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.HeartbeatReply;
import io.weathersync.application.port.out.MasterClient;
import io.weathersync.application.port.out.MasterRefusedException;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.ReadingRange;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A master in the same process: calls its change log directly. Can be switched off to simulate an outage. */
public final class InMemoryMasterClient implements MasterClient {

    private final ChangeLog log;
    private final String publicKey;
    private final List<SyncLogEntry> reports = new CopyOnWriteArrayList<>();
    private volatile Heartbeat lastHeartbeat;
    private volatile boolean reachable = true;
    private volatile String refusal;
    private volatile SyncSlaveUseCase syncHandler;
    private volatile String slaveName;

    /** A client of {@code log}, whose master signs with the key {@code publicKey} (Base64 X.509, or null). */
    public InMemoryMasterClient(ChangeLog log, String publicKey) {
        this.log = log;
        this.publicKey = publicKey;
    }

    /** Makes the master reachable or not. */
    public void reachable(boolean isReachable) {
        this.reachable = isReachable;
    }

    /**
     * Makes the master refuse every call with {@code reason}, as a master refuses re-issued or revoked
     * credentials; {@code null} makes it accept the slave again.
     */
    public void refuse(String reason) {
        this.refusal = reason;
    }

    @Override
    public ChangePage changesAfter(long after, int limit) {
        requireReachable();
        return log.changesAfter(after, limit);
    }

    @Override
    public HeartbeatReply heartbeat(Heartbeat heartbeat) {
        requireReachable();
        lastHeartbeat = heartbeat;
        return new HeartbeatReply(log.stream(), log.head(), publicKey, slaveName, Duration.ZERO, 0);
    }

    @Override
    public void reportResult(SyncLogEntry entry) {
        requireReachable();
        reports.add(entry);
    }

    @Override
    public SyncOutcome requestSync(String slaveName, Optional<ReadingRange> repair) {
        requireReachable();
        SyncSlaveUseCase handler = syncHandler;
        if (handler == null) {
            throw new MasterUnavailableException("this in-memory master takes no sync requests");
        }
        return handler.sync(slaveName, repair);
    }

    /** Names the asking slave {@code name} in heartbeat answers, as a master names the node it registered. */
    public void nameTheSlave(String name) {
        this.slaveName = name;
    }

    /** Answers sync requests with {@code handler} (the master's sync service). */
    public void answerSyncRequestsWith(SyncSlaveUseCase handler) {
        this.syncHandler = handler;
    }

    /** The last heartbeat received, or null. */
    public Heartbeat lastHeartbeat() {
        return lastHeartbeat;
    }

    /** The results reported so far. */
    public List<SyncLogEntry> reports() {
        return List.copyOf(reports);
    }

    private void requireReachable() {
        if (!reachable) {
            throw new MasterUnavailableException("in-memory master switched off");
        }
        String refused = refusal;
        if (refused != null) {
            throw new MasterRefusedException(refused);
        }
    }
}
