package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.NodeRegistry;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncLogPage;
import io.weathersync.domain.cluster.SyncLogQuery;
import io.weathersync.domain.cluster.SyncLogRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.time.Instant;
import java.util.Optional;

/**
 * The master's node registry in a relational database. Times are kept to the millisecond. Credentials hold
 * only the secret's hash, as handed in; an API key belongs to one node at most.
 */
public final class JdbiNodeRegistry implements NodeRegistry {

    private final Jdbi jdbi;
    private final Database database;

    /** The registry stored in {@code database}. */
    public JdbiNodeRegistry(Database database) {
        this.jdbi = database.jdbi();
        this.database = database;
    }

    @Override
    public void add(Node node) {
        Objects.requireNonNull(node, "node: must not be null");
        database.writeVoid(h -> {
            requireFree(h, node);
            try {
                ClusterRows.insertNode(h, node).execute();
            } catch (UnableToExecuteStatementException e) {
                // A concurrent add took the name or the id after the check above.
                throw isDuplicate(e) ? new IllegalArgumentException("name or node_id: '" + node.name() + "' / "
                        + node.id() + " was registered concurrently", e) : e;
            }
        });
    }

    private static void requireFree(Handle h, Node node) {
        if (count(h, "node_name", node.name()) > 0) {
            throw new IllegalArgumentException("name: a node named '" + node.name() + "' already exists");
        }
        if (count(h, "node_id", node.id()) > 0) {
            throw new IllegalArgumentException("node_id: " + node.id() + " already exists");
        }
    }

    private static long count(Handle h, String column, String value) {
        return h.createQuery("SELECT COUNT(*) FROM cluster_nodes WHERE " + column + " = :value")
                .bind("value", value)
                .mapTo(Long.class)
                .one();
    }

    private static boolean isDuplicate(RuntimeException e) {
        return e.getCause() instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("23");
    }

    @Override
    public Optional<Node> find(String id) {
        return findBy("node_id", id);
    }

    @Override
    public Optional<Node> findByName(String name) {
        return findBy("node_name", name);
    }

    private Optional<Node> findBy(String column, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> findBy(h, column, value));
    }

    private static Optional<Node> findBy(Handle h, String column, String value) {
        return h.createQuery("SELECT " + ClusterRows.NODE + " FROM cluster_nodes WHERE " + column + " = :value")
                .bind("value", value)
                .map((rs, ctx) -> ClusterRows.node(rs))
                .findOne();
    }

    @Override
    public List<Node> list(Optional<NodeType> type) {
        Objects.requireNonNull(type, "type: must not be null (use Optional.empty())");
        return jdbi.withHandle(h -> {
            Query query = h.createQuery("SELECT " + ClusterRows.NODE + " FROM cluster_nodes"
                    + (type.isPresent() ? " WHERE node_type = :type" : "") + " ORDER BY created_at, row_no");
            type.ifPresent(t -> query.bind("type", t.code()));
            return query.map((rs, ctx) -> ClusterRows.node(rs)).list();
        });
    }

    @Override
    public boolean update(Node node) {
        Objects.requireNonNull(node, "node: must not be null");
        return database.write(h -> {
            Optional<Node> named = findBy(h, "node_name", node.name());
            if (named.isPresent() && !named.get().id().equals(node.id())) {
                throw new IllegalArgumentException("name: a node named '" + node.name() + "' already exists");
            }
            try {
                return ClusterRows.updateNode(h, node).execute() > 0;
            } catch (UnableToExecuteStatementException e) {
                throw isDuplicate(e) ? new IllegalArgumentException("name: '" + node.name()
                        + "' was taken concurrently", e) : e;
            }
        });
    }

    @Override
    public boolean remove(String id) {
        return database.write(h -> {
            for (String table : new String[] {"cluster_credentials", "cluster_heartbeats"}) {
                h.createUpdate("DELETE FROM " + table + " WHERE node_id = :id").bind("id", id).execute();
            }
            return h.createUpdate("DELETE FROM cluster_nodes WHERE node_id = :id").bind("id", id).execute() > 0;
        });
    }

    @Override
    public void replaceCredential(StoredCredential credential) {
        Objects.requireNonNull(credential, "credential: must not be null");
        database.writeVoid(h -> {
            if (count(h, "node_id", credential.nodeId()) == 0) {
                throw new IllegalArgumentException("node_id: no node " + credential.nodeId());
            }
            h.createUpdate("DELETE FROM cluster_credentials WHERE node_id = :id").bind("id", credential.nodeId())
                    .execute();
            try {
                ClusterRows.insertCredential(h, credential).execute();
            } catch (UnableToExecuteStatementException e) {
                throw isDuplicate(e) ? new IllegalArgumentException("api_key: already issued to another node", e) : e;
            }
        });
    }

    @Override
    public Optional<StoredCredential> credentialByKey(String apiKey) {
        return credentialBy("api_key", apiKey);
    }

    @Override
    public Optional<StoredCredential> credentialOf(String nodeId) {
        return credentialBy("node_id", nodeId);
    }

    private Optional<StoredCredential> credentialBy(String column, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ClusterRows.CREDENTIAL
                        + " FROM cluster_credentials WHERE " + column + " = :value")
                .bind("value", value)
                .map((rs, ctx) -> ClusterRows.credential(rs))
                .findOne());
    }

    @Override
    public void recordHeartbeat(HeartbeatRecord record) {
        Objects.requireNonNull(record, "heartbeat: must not be null");
        database.writeVoid(h -> ClusterRows.upsertHeartbeat(h, record).execute());
    }

    @Override
    public Optional<HeartbeatRecord> lastHeartbeat(String nodeId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ClusterRows.HEARTBEAT
                        + " FROM cluster_heartbeats WHERE node_id = :id")
                .bind("id", nodeId)
                .map((rs, ctx) -> ClusterRows.heartbeat(rs))
                .findOne());
    }

    @Override
    public List<HeartbeatRecord> lastHeartbeats() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ClusterRows.HEARTBEAT
                        + " FROM cluster_heartbeats ORDER BY node_id")
                .map((rs, ctx) -> ClusterRows.heartbeat(rs))
                .list());
    }

    @Override
    public void appendSyncLog(SyncLogEntry entry) {
        Objects.requireNonNull(entry, "entry: must not be null");
        database.writeVoid(h -> ClusterRows.insertSyncLog(h, entry).execute());
    }

    @Override
    public SyncLogPage syncLogs(SyncLogQuery query) {
        Objects.requireNonNull(query, "query: must not be null");
        String where = " FROM cluster_sync_logs WHERE 1 = 1"
                + (query.nodeId().isPresent() ? " AND node_id = :node_id" : "")
                + (query.operation().isPresent() ? " AND kind = :kind" : "");
        return jdbi.inTransaction(h -> {
            Query page = bindFilter(h.createQuery("SELECT log_id, " + ClusterRows.SYNC_LOG + where
                    + " ORDER BY log_id DESC LIMIT :limit OFFSET :offset"), query);
            List<SyncLogRecord> records = page.bind("limit", query.limit()).bind("offset", query.offset())
                    .map((rs, ctx) -> ClusterRows.syncLog(rs)).list();
            long total = bindFilter(h.createQuery("SELECT COUNT(*)" + where), query).mapTo(Long.class).one();
            return new SyncLogPage(records, Math.max(total, records.size()));
        });
    }

    @Override
    public int pruneSyncLogs(Instant startedBefore, int keepNewest) {
        Objects.requireNonNull(startedBefore, "startedBefore: must not be null");
        return database.write(h -> {
            int old = h.createUpdate("DELETE FROM cluster_sync_logs WHERE started_at < :cutoff")
                    .bind("cutoff", startedBefore.toEpochMilli()).execute();
            // The newest keepNewest rows by id stay; the id of the first one beyond them marks what goes.
            Optional<Long> edge = h.createQuery("SELECT log_id FROM cluster_sync_logs ORDER BY log_id DESC"
                            + " LIMIT 1 OFFSET :keep")
                    .bind("keep", Math.max(0, keepNewest)).mapTo(Long.class).findOne();
            int excess = edge.map(id -> h.createUpdate("DELETE FROM cluster_sync_logs WHERE log_id <= :edge")
                    .bind("edge", id).execute()).orElse(0);
            return old + excess;
        });
    }

    private static Query bindFilter(Query query, SyncLogQuery filter) {
        filter.nodeId().ifPresent(id -> query.bind("node_id", id));
        filter.operation().ifPresent(op -> query.bind("kind", op.wireName()));
        return query;
    }
}
