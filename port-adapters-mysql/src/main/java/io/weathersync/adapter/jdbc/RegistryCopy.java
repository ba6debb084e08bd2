package io.weathersync.adapter.jdbc;

import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.cluster.RegistryEntry;
import io.weathersync.domain.cluster.StoredCredential;
import org.jdbi.v3.core.Handle;

import java.util.List;

/** A slave's copy of its master's registry in {@code replica_registry}: nodes with their credential hashes. */
final class RegistryCopy {

    private RegistryCopy() {
    }

    /** Replaces the copy with {@code registry}, in the caller's transaction. */
    static void replace(Handle h, RegistryBackup registry) {
        h.createUpdate("DELETE FROM replica_registry").execute();
        for (RegistryEntry entry : registry.entries()) {
            StoredCredential credential = entry.credential();
            ClusterRows.insertNode(h, "replica_registry", ", api_key, secret_hash", ", :api_key, :secret_hash",
                            entry.node())
                    .bind("api_key", credential == null ? null : credential.apiKey())
                    .bind("secret_hash", credential == null ? null : credential.secretHash())
                    .execute();
        }
    }

    /** The copy, by node name. */
    static RegistryBackup read(Handle h) {
        List<RegistryEntry> entries = h.createQuery("SELECT " + ClusterRows.NODE + ", api_key, secret_hash"
                        + " FROM replica_registry ORDER BY node_name")
                .map((rs, ctx) -> {
                    String key = rs.getString("api_key");
                    return new RegistryEntry(ClusterRows.node(rs), key == null ? null
                            : new StoredCredential(rs.getString("node_id"), key, rs.getString("secret_hash")));
                })
                .list();
        return new RegistryBackup(entries);
    }
}
