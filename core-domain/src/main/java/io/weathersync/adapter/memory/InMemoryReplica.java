package io.weathersync.adapter.memory;

import io.weathersync.application.port.out.Replica;
import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.HistoryPage;
import io.weathersync.domain.model.HistoryQuery;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.sync.ChangeKind;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A slave's replica in memory, for embedders and tests; lost when the process ends. */
public final class InMemoryReplica implements Replica {

    private ReadingTable served = new ReadingTable();
    private SyncState state = SyncState.EMPTY;
    private ReadingTable building;
    private SyncState pending;
    private RegistryBackup registry = RegistryBackup.EMPTY;

    @Override
    public synchronized SyncState state() {
        return state;
    }

    @Override
    public synchronized Optional<SyncState> pendingResync() {
        return Optional.ofNullable(pending);
    }

    @Override
    public synchronized void apply(StreamId stream, List<Change> changes, long through) {
        if (stream.equals(state.stream())) {
            state = applyTo(served, state, changes, through);
        } else if (pending != null && stream.equals(pending.stream())) {
            pending = applyTo(building, pending, changes, through);
        } else {
            throw new IllegalStateException("stream " + stream + " is neither served nor being resynced");
        }
    }

    private static SyncState applyTo(ReadingTable table, SyncState current, List<Change> changes, long through) {
        if (through < current.appliedSeq()) {
            throw new IllegalStateException(
                    "through " + through + " is behind the applied seq " + current.appliedSeq());
        }
        for (Change change : changes) {
            if (!change.stream().equals(current.stream())) {
                throw new IllegalStateException("change seq " + change.seq() + " is of stream " + change.stream());
            }
        }
        // Checked before writing anything: a rejected batch leaves the replica as it was, like a rolled-back
        // transaction.
        for (Change change : changes) {
            table.upsert(change.reading(), change.seq());
        }
        return new SyncState(current.stream(), through);
    }

    @Override
    public synchronized int repair(StreamId stream, List<Change> changes) {
        if (!stream.equals(state.stream())) {
            return 0;
        }
        int written = 0;
        for (Change change : changes) {
            if (change.stream().equals(stream) && change.seq() <= state.appliedSeq()
                    && served.seqOf(change.reading().key()) <= change.seq()
                    && ChangeKind.of(served.get(change.reading().key()), change.reading()).isChange()) {
                served.upsert(change.reading(), change.seq());
                written++;
            }
        }
        return written;
    }

    @Override
    public synchronized void beginResync(StreamId stream) {
        building = new ReadingTable();
        pending = new SyncState(stream, 0);
    }

    @Override
    public synchronized void finishResync() {
        if (pending == null) {
            throw new IllegalStateException("no resync in progress");
        }
        served = building;
        state = pending;
        building = null;
        pending = null;
    }

    @Override
    public synchronized ChangePage export(long after, int limit) {
        if (state.stream() == null) {
            throw new IllegalStateException("this replica follows no stream yet: nothing to export");
        }
        List<Change> changes = served.changesAfter(state.stream(), after, limit);
        long through = changes.isEmpty() || !served.hasSeqAfter(changes.getLast().seq())
                ? state.appliedSeq()
                : changes.getLast().seq();
        return new ChangePage(state.stream(), state.appliedSeq(), changes, through);
    }

    @Override
    public synchronized void keepRegistry(RegistryBackup kept) {
        registry = Objects.requireNonNull(kept, "registry");
    }

    @Override
    public synchronized RegistryBackup registry() {
        return registry;
    }

    @Override
    public synchronized Optional<WeatherReading> latest(City city) {
        return served.latest(city);
    }

    @Override
    public synchronized List<WeatherReading> latestAll() {
        return served.latestAll();
    }

    @Override
    public synchronized HistoryPage history(HistoryQuery query) {
        return served.history(query);
    }

    @Override
    public synchronized Digest digest() {
        return served.digest(state.stream(), state.appliedSeq());
    }
}
