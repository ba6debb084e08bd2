package io.weathersync.domain.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The master's node registry as slaves keep a copy of it, so that a master restored from a slave still accepts
 * every slave's existing credentials: nodes and credential hashes, never a usable secret.
 *
 * @param entries every node, each once
 */
public record RegistryBackup(List<RegistryEntry> entries) {

    /** A registry with no node. */
    public static final RegistryBackup EMPTY = new RegistryBackup(List.of());

    /** Copies the list; refuses a node id or name given twice. */
    public RegistryBackup {
        entries = List.copyOf(entries);
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (RegistryEntry entry : entries) {
            if (!ids.add(entry.node().id())) {
                throw new IllegalArgumentException("nodes: id " + entry.node().id() + " is given twice");
            }
            if (!names.add(entry.node().name())) {
                throw new IllegalArgumentException("nodes: name " + entry.node().name() + " is given twice");
            }
        }
    }

    /**
     * This copy with the nodes only {@code other} knows (another slave's copy, made after a node this one has not
     * seen yet was registered); a node this copy holds, by id or by name, is kept as it is here.
     */
    public RegistryBackup completedBy(RegistryBackup other) {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        entries.forEach(entry -> {
            ids.add(entry.node().id());
            names.add(entry.node().name());
        });
        List<RegistryEntry> all = new ArrayList<>(entries);
        other.entries().stream()
                .filter(entry -> !ids.contains(entry.node().id()) && !names.contains(entry.node().name()))
                .forEach(all::add);
        return new RegistryBackup(all);
    }
}
