package io.weathersync.application.port.in;

import io.weathersync.domain.cluster.RegistryBackup;

/** The master's node registry with credential hashes, for the copy each slave keeps against the master's loss. */
public interface BackUpRegistryUseCase {

    /** Every node with its stored credential (hashes only). */
    RegistryBackup backup();
}
