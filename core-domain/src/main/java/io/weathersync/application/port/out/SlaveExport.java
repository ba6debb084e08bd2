package io.weathersync.application.port.out;

import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.Digest;

/** A slave's full export, as a master restore reads it (authorised with that slave's own admin token). */
public interface SlaveExport {

    /** Where the slave is, for messages. */
    String url();

    /**
     * What the slave holds.
     *
     * @throws MasterUnavailableException when the slave cannot be reached or refuses
     */
    Digest digest();

    /**
     * One page of the slave's served readings after {@code after}, by seq; {@code head} is its applied seq.
     *
     * @throws MasterUnavailableException when the slave cannot be reached or refuses (e.g. no admin token set)
     */
    ChangePage changesAfter(long after, int limit);

    /**
     * The slave's copy of the master's node registry.
     *
     * @throws MasterUnavailableException when the slave cannot be reached or refuses
     */
    RegistryBackup registry();
}
