package io.weathersync.application.service;

import io.weathersync.application.port.in.SyncSlaveUseCase;
import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.NodeRegistry;
import io.weathersync.application.port.out.PushFailedException;
import io.weathersync.application.port.out.SlavePush;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncOperation;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.ReadingRange;
import io.weathersync.domain.model.SyncPush;

import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Seed 001's master → slave push on request: the pages of the log after the slave's last reported seq, then,
 * for a requested range, those readings again for repair. Every page is signed as a whole and logged.
 */
public final class SlaveSyncService implements SyncSlaveUseCase {

    private final ChangeLog log;
    private final NodeRegistry registry;
    private final SlavePush push;
    private final ChangeSigner signer;
    private final Clock clock;
    private final int pageSize;

    /** Wires the log, the registry, the push transport, the signer, the clock and the page size. */
    public SlaveSyncService(ChangeLog log, NodeRegistry registry, SlavePush push, ChangeSigner signer, Clock clock,
                            int pageSize) {
        this.log = log;
        this.registry = registry;
        this.push = push;
        this.signer = signer;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    @Override
    public SyncOutcome sync(String slaveName, Optional<ReadingRange> repair) {
        Node slave = registry.findByName(slaveName).filter(node -> node.type() == NodeType.CHILD)
                .orElseThrow(() -> new NoSuchElementException("slave_name: no slave named '" + slaveName + "'"));
        if (!slave.active()) {
            throw new IllegalStateException("slave '" + slaveName + "' is disabled");
        }
        if (slave.apiUrl().isEmpty()) {
            throw new IllegalStateException("slave '" + slaveName + "' has no api_url to push to");
        }
        long from = registry.lastHeartbeats().stream()
                .filter(beat -> beat.nodeId().equals(slave.id()))
                .map(HeartbeatRecord::heartbeat)
                .filter(beat -> log.stream().equals(beat.stream()))
                .mapToLong(beat -> Math.min(beat.appliedSeq(), log.head()))
                .findFirst().orElse(0);
        long after = from;
        Instant started = clock.instant();
        int pushed = 0;
        int resent = 0;
        try {
            ChangePage page;
            do {
                page = log.changesAfter(after, pageSize);
                push.push(slave.apiUrl(), signer.sign(new SyncPush(SyncPush.Kind.CATCH_UP, after, page)));
                pushed += page.changes().size();
                after = page.completeThrough();
            } while (!page.isLast());
            if (repair.isPresent()) {
                long cursor = 0;
                do {
                    page = log.changesIn(repair.get(), cursor, pageSize);
                    push.push(slave.apiUrl(), signer.sign(new SyncPush(SyncPush.Kind.REPAIR, 0, page)));
                    resent += page.changes().size();
                    cursor = page.completeThrough();
                } while (!page.isLast());
            }
        } catch (PushFailedException e) {
            registry.appendSyncLog(new SyncLogEntry(slave.id(), SyncOperation.SYNC_REQUEST, false, pushed, from, after,
                    started, clock.instant(), "", e.getMessage()));
            throw e;
        }
        registry.appendSyncLog(new SyncLogEntry(slave.id(), SyncOperation.SYNC_REQUEST, true, pushed + resent, from,
                after, started, clock.instant(), "", repair.map(SlaveSyncService::describe).orElse("")));
        return new SyncOutcome(from, after, pushed, resent);
    }

    private static String describe(ReadingRange range) {
        return "re-sent " + range.onlyCity().map(city -> city.name() + " ").orElse("") + "[" + range.start() + ", "
                + range.end() + ")";
    }
}
