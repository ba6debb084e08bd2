package io.weathersync.application.service;

import io.weathersync.application.port.in.SyncSlaveUseCase;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.model.ReadingRange;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most one sync per slave at a time, and repeats coalesced: a request for a slave and range that is already being
 * synced waits for that sync and shares its outcome (or its failure) instead of re-sending the range; a request for
 * another range of the same slave waits its turn. So a burst of requests costs the master one sync, not one each.
 */
public final class CoalescingSlaveSync implements SyncSlaveUseCase {

    private final SyncSlaveUseCase syncs;
    private final Map<String, ReentrantLock> perSlave = new ConcurrentHashMap<>();
    private final Map<Request, CompletableFuture<SyncOutcome>> running = new ConcurrentHashMap<>();

    /** Serialises and coalesces the syncs {@code syncs} performs. */
    public CoalescingSlaveSync(SyncSlaveUseCase syncs) {
        this.syncs = Objects.requireNonNull(syncs, "syncs");
    }

    @Override
    public SyncOutcome sync(String slaveName, Optional<ReadingRange> repair) {
        Request request = new Request(slaveName, repair);
        CompletableFuture<SyncOutcome> mine = new CompletableFuture<>();
        CompletableFuture<SyncOutcome> existing = running.putIfAbsent(request, mine);
        if (existing != null) {
            return await(existing);
        }
        ReentrantLock lock = perSlave.computeIfAbsent(slaveName, name -> new ReentrantLock());
        lock.lock();
        try {
            mine.complete(syncs.sync(slaveName, repair));
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        } finally {
            running.remove(request, mine);
            lock.unlock();
        }
        return await(mine);
    }

    private static SyncOutcome await(CompletableFuture<SyncOutcome> sync) {
        try {
            return sync.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** What a caller asked for: coalesced when equal. */
    private record Request(String slaveName, Optional<ReadingRange> repair) {
    }
}
