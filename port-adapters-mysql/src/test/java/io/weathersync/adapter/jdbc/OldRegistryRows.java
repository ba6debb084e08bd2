package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.NodeRegistry;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncLogQuery;
import io.weathersync.domain.cluster.SyncLogRecord;
import io.weathersync.domain.cluster.SyncOperation;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node and sync log entries as the registry stored them before seed 002's fields (schema 1 and 2: no sync config
 * or update time, kinds {@code pull}, {@code push}, {@code report}), and what they must read as once migrated.
 */
final class OldRegistryRows {

    private static final long CREATED = 1_795_000_000_000L;

    private OldRegistryRows() {
    }

    /** Inserts the rows with {@code statement}; {@code schema} prefixes the tables ({@code ""} or {@code "db."}). */
    static void insert(Statement statement, String schema) throws SQLException {
        statement.execute("INSERT INTO " + schema + "cluster_nodes (node_id, node_type, node_name, description,"
                + " api_url, active, created_at) VALUES ('old-node', 1, 'old-slave', 'kept', '', TRUE, " + CREATED + ")");
        String[] kinds = {"pull", "push", "report"};
        for (int i = 0; i < kinds.length; i++) {
            statement.execute("INSERT INTO " + schema + "cluster_sync_logs (node_id, logged_at, kind, succeeded,"
                    + " from_seq, to_seq, item_count, detail) VALUES ('old-node', " + (CREATED + i) + ", '" + kinds[i]
                    + "', TRUE, 1, 2, 2, 'old " + kinds[i] + "')");
        }
    }

    /** Checks that the migrated registry reads them with seed 002's fields filled in. */
    static void assertMigrated(Database database) {
        NodeRegistry registry = new JdbiNodeRegistry(database);
        Instant created = Instant.ofEpochMilli(CREATED);
        assertThat(registry.find("old-node")).contains(new Node("old-node", NodeType.CHILD, "old-slave", "kept", "",
                true, "{}", created, created));
        assertThat(registry.syncLogs(new SyncLogQuery(Optional.of("old-node"), Optional.empty(), 10, 0)).records())
                .extracting(SyncLogRecord::entry)
                .containsExactly(
                        SyncLogEntry.at("old-node", SyncOperation.REPORT_RESULT, true, 2, 1, 2, created.plusMillis(2),
                                "old report"),
                        SyncLogEntry.at("old-node", SyncOperation.SYNC_REQUEST, true, 2, 1, 2, created.plusMillis(1),
                                "old push"),
                        SyncLogEntry.at("old-node", SyncOperation.CATCH_UP, true, 2, 1, 2, created, "old pull"));
    }
}
