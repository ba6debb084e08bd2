package io.weathersync.application.service;

import io.weathersync.application.port.in.RestoreMasterUseCase;
import io.weathersync.application.port.in.RestoreReport;
import io.weathersync.application.port.out.LogRestore;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.application.port.out.SlaveExport;
import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.sync.RestoreCandidate;
import io.weathersync.domain.sync.RestoreSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a master's store from the most advanced slave ({@link RestoreSource}): its stream, every reading with
 * its seq, its applied seq as the head, and its copy of the registry (completed with the nodes only the other
 * slaves' copies hold), so slaves continue on the same stream with their credentials. Refuses to overwrite a store
 * that holds anything unless told to, and checks at the end that the store's digest equals the slave's.
 */
public final class RestoreMasterService implements RestoreMasterUseCase {

    private static final System.Logger LOG = System.getLogger(RestoreMasterService.class.getName());

    private final LogRestore store;
    private final int pageSize;

    /** Restores into {@code store}, reading {@code pageSize} readings per request. */
    public RestoreMasterService(LogRestore store, int pageSize) {
        this.store = store;
        if (pageSize < 1) {
            throw new IllegalArgumentException("page_size: must be positive, was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    @Override
    public RestoreReport restore(List<SlaveExport> slaves, boolean replace) {
        if (slaves.isEmpty()) {
            throw new IllegalArgumentException("--from: name at least one slave URL");
        }
        List<String> skipped = new ArrayList<>();
        List<RestoreCandidate> candidates = new ArrayList<>();
        Map<String, SlaveExport> byUrl = new HashMap<>();
        for (SlaveExport slave : slaves) {
            try {
                candidates.add(new RestoreCandidate(slave.url(), slave.digest()));
                byUrl.put(slave.url(), slave);
            } catch (MasterUnavailableException e) {
                skipped.add(slave.url() + ": " + e.getMessage());
            }
        }
        RestoreCandidate chosen = RestoreSource.choose(candidates).orElseThrow(() -> new IllegalStateException(
                "no slave to restore from holds any reading" + (skipped.isEmpty() ? "" : "; " + skipped)));
        candidates.stream().filter(c -> c != chosen).forEach(c -> skipped.add(c.url() + ": less advanced ("
                + c.digest().rows() + " readings of stream " + c.digest().stream() + " at seq "
                + c.digest().appliedSeq() + ")"));
        refuseToOverwrite(replace);
        SlaveExport source = byUrl.get(chosen.url());
        StreamId stream = chosen.digest().stream();
        RegistryBackup registry = completeRegistry(source.registry(), candidates, chosen, byUrl);
        LOG.log(System.Logger.Level.INFO, "restoring stream {0} ({1} readings, seq {2}) from {3}", stream,
                chosen.digest().rows(), chosen.digest().appliedSeq(), chosen.url());
        store.clear();
        store.begin(stream);
        long readings = 0;
        long after = 0;
        ChangePage page;
        do {
            page = source.changesAfter(after, pageSize);
            if (!page.stream().equals(stream)) {
                throw new IllegalStateException(chosen.url() + " switched to stream " + page.stream()
                        + " during the restore; run it again with --replace");
            }
            store.write(page.changes());
            readings += page.changes().size();
            after = page.completeThrough();
        } while (!page.isLast());
        store.finish(page.head(), registry);
        Digest restored = store.digest();
        Digest expected = source.digest();
        if (!restored.equals(expected)) {
            throw new IllegalStateException("the restored store's digest " + restored + " differs from "
                    + chosen.url() + "'s " + expected + " (did the slave change meanwhile?); run it again with "
                    + "--replace");
        }
        return new RestoreReport(chosen.url(), stream, page.head(), readings, registry.entries().size(), skipped);
    }

    /**
     * The chosen slave's registry copy, with the nodes only the other slaves' copies hold: a slave copies the registry
     * at its start and then at every check, so the most advanced slave may not know a slave registered since its
     * last copy; without it, that slave's credentials would be refused by the restored master.
     */
    private static RegistryBackup completeRegistry(RegistryBackup chosenCopy, List<RestoreCandidate> candidates,
                                                   RestoreCandidate chosen, Map<String, SlaveExport> byUrl) {
        RegistryBackup registry = chosenCopy;
        for (RestoreCandidate other : candidates) {
            if (other == chosen) {
                continue;
            }
            try {
                RegistryBackup completed = registry.completedBy(byUrl.get(other.url()).registry());
                if (completed.entries().size() > registry.entries().size()) {
                    LOG.log(System.Logger.Level.INFO, "{0} more registry node(s) from {1}''s copy",
                            completed.entries().size() - registry.entries().size(), other.url());
                }
                registry = completed;
            } catch (MasterUnavailableException e) {
                LOG.log(System.Logger.Level.WARNING, "the registry copy of {0} is not read: {1}", other.url(),
                        e.getMessage());
            }
        }
        return registry;
    }

    private void refuseToOverwrite(boolean replace) {
        Digest now = store.digest();
        long nodes = store.nodes();
        if (replace || (now.rows() == 0 && nodes == 0)) {
            return;
        }
        throw new IllegalStateException("the master's store is not empty: " + now.rows() + " readings of stream "
                + now.stream() + " at head " + now.appliedSeq() + ", " + nodes + " nodes; stop the master and "
                + "add --replace to overwrite them with the slave's (they are lost), or give it an empty database");
    }
}
