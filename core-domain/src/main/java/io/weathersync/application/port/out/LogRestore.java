package io.weathersync.application.port.out;

import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.StreamId;

import java.util.List;

/**
 * A master's store being rebuilt from a slave's export (the master is not running): the log's stream, its
 * readings with their seqs and its head, and the node registry.
 */
public interface LogRestore {

    /** What the store holds now: readings (its digest) and how many nodes are registered. */
    Digest digest();

    /** How many nodes are registered. */
    long nodes();

    /** Drops everything the store holds: log, readings and registry. */
    void clear();

    /** Starts the log of {@code stream} at head 0 in an empty store. */
    void begin(StreamId stream);

    /** Writes readings with their seqs (one transaction). */
    void write(List<Change> changes);

    /** Sets the head and writes the registry, in one transaction. */
    void finish(long head, RegistryBackup registry);
}
