package io.weathersync.application.service;

import io.weathersync.application.port.out.MasterClient;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.application.port.out.Replica;
import io.weathersync.domain.cluster.RegistryBackup;

/**
 * A slave keeps a copy of its master's node registry (credential hashes, never secrets), refreshed at every
 * anti-entropy check, so that a master restored from this slave still accepts every slave's credentials. A master
 * that refuses or cannot be reached leaves the copy as it was.
 */
public final class RegistryMirrorService {

    private static final System.Logger LOG = System.getLogger(RegistryMirrorService.class.getName());

    private final MasterClient master;
    private final Replica replica;
    private RegistryBackup kept;
    private boolean failing;

    /** Copies {@code master}'s registry into {@code replica}. */
    public RegistryMirrorService(MasterClient master, Replica replica) {
        this.master = master;
        this.replica = replica;
    }

    /** Fetches the registry and keeps it when it changed; logs a failure once until it works again. */
    public synchronized void refresh() {
        RegistryBackup fetched;
        try {
            fetched = master.registry();
        } catch (MasterUnavailableException e) {
            if (!failing) {
                failing = true;
                LOG.log(System.Logger.Level.WARNING, "the copy of the master''s registry is not refreshed: {0} "
                        + "(logged once until it works again; the copy kept so far stays)", e.getMessage());
            }
            return;
        }
        failing = false;
        if (!fetched.equals(kept)) {
            replica.keepRegistry(fetched);
            kept = fetched;
            LOG.log(System.Logger.Level.INFO, "kept a copy of the master''s registry: {0} nodes",
                    fetched.entries().size());
        }
    }
}
