package io.weathersync.application.port.in;

import io.weathersync.application.port.out.SlaveExport;

import java.util.List;

/** Rebuilds a lost master's store from the most advanced of its slaves: same stream, seqs, head and registry. */
public interface RestoreMasterUseCase {

    /**
     * Restores from the most advanced reachable slave of {@code slaves}.
     *
     * @param replace whether a store that is not empty may be overwritten
     * @throws IllegalStateException naming the reason when nothing was restored (no usable slave, a store that
     *                               is not empty without {@code replace}) or the result does not match the slave
     */
    RestoreReport restore(List<SlaveExport> slaves, boolean replace);
}
