package io.weathersync.adapter.jdbc;

import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A slave's replica checks itself at start, like the master's log ({@link LogSelfCheck}): no row of the served
 * generation may lie above the applied seq (nor above the resync's seq in a generation being built). Rows above are
 * of an apply whose commit a crash cut short and are discarded (the slave pulls them again from the master); on H2
 * a cities table with uncommitted leftovers is rebuilt from the readings, other leftovers refuse the start with one
 * line. (Unlike the master's head, the applied seq may lie above the newest row: the port lets an apply be complete
 * through a seq beyond its last change.)
 */
final class ReplicaSelfCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaSelfCheck.class);

    private ReplicaSelfCheck() {
    }

    /** Checks and, where provably safe, repairs; throws {@link IllegalStateException} naming what it cannot. */
    static void run(Database database) {
        ReplicaRow row = database.jdbi().withHandle(ReplicaSelfCheck::row);
        if (database.dialect() == Dialect.H2) {
            leftovers(database, row);
        }
        int served = database.write(h -> discardAbove(h, row.servedGeneration(), row.servedSeq(), true));
        int pending = row.pendingGeneration() == null ? 0
                : database.write(h -> discardAbove(h, row.pendingGeneration(), row.pendingSeq(), false));
        if (served + pending > 0) {
            LOG.warn("{}: discarded {} rows above the applied seq {} and {} above the resync's seq {}: an apply whose"
                    + " commit a crash cut short; they are pulled from the master again", LogSelfCheck.REPAIRED,
                    served, row.servedSeq(), pending, row.pendingSeq());
        }
    }

    private static ReplicaRow row(Handle h) {
        return h.createQuery("SELECT " + ReplicaRow.COLUMNS + " FROM replica_state WHERE id = 1")
                .map((rs, ctx) -> ReplicaRow.read(rs)).one();
    }

    private static int discardAbove(Handle h, long generation, long seq, boolean served) {
        h.createQuery("SELECT id FROM replica_state WHERE id = 1 FOR UPDATE").mapTo(Integer.class).one();
        Map<String, Object> where = Map.of("generation", generation, "seq", seq);
        List<String> cities = h.createQuery("SELECT DISTINCT city_key FROM replica_readings"
                + " WHERE generation = :generation AND seq > :seq").bindMap(where).mapTo(String.class).list();
        if (cities.isEmpty()) {
            return 0;
        }
        int deleted = h.createUpdate("DELETE FROM replica_readings WHERE generation = :generation AND seq > :seq")
                .bindMap(where).execute();
        for (String city : served ? cities : List.<String>of()) {
            h.createUpdate("DELETE FROM replica_cities WHERE generation = :generation AND city_key = :city")
                    .bind("generation", generation).bind("city", city).execute();
            h.createUpdate("INSERT INTO replica_cities (generation, city_key, observed_at) SELECT generation, city_key,"
                            + " MAX(observed_at) FROM replica_readings WHERE generation = :generation"
                            + " AND city_key = :city GROUP BY generation, city_key")
                    .bind("generation", generation).bind("city", city).execute();
        }
        return deleted;
    }

    private static void leftovers(Database database, ReplicaRow row) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("replica_state", "SELECT id, " + ReplicaRow.COLUMNS + " FROM replica_state ORDER BY id");
        queries.put("replica_readings", "SELECT r.generation, r.seq, " + ReadingColumns.SELECT
                + " FROM replica_readings r WHERE (r.generation = :served AND r.seq > :served_from)"
                + " OR (r.generation = :pending AND r.seq > :pending_from)"
                + " ORDER BY r.generation, r.seq");
        queries.put("replica_cities", "SELECT generation, city_key, observed_at FROM replica_cities"
                + " ORDER BY generation, city_key");
        Map<String, Object> parameters = Map.of("served", row.servedGeneration(),
                "served_from", row.servedSeq() - Leftovers.RECENT,
                "pending", row.pendingGeneration() == null ? -1L : row.pendingGeneration(),
                "pending_from", row.pendingSeq() - Leftovers.RECENT);
        List<String> found = database.jdbi().withHandle(h -> Leftovers.find(h, queries, parameters));
        if (found.isEmpty()) {
            return;
        }
        if (found.size() == 1 && found.getFirst().startsWith("replica_cities ")) {
            database.writeVoid(h -> Leftovers.rebuildCities(h, "replica_cities", true, "SELECT generation, city_key,"
                    + " MAX(observed_at) FROM replica_readings GROUP BY generation, city_key"));
            LOG.warn("{}: replica_cities held uncommitted leftovers of a transaction a crash cut short, which H2 did not"
                    + " roll back ({}); rebuilt it from the readings", LogSelfCheck.REPAIRED, found.getFirst());
            return;
        }
        throw new IllegalStateException("store self-check: the replica holds uncommitted leftovers of a transaction a"
                + " crash cut short, which H2 did not roll back, in " + String.join(", ", found) + "; a write touching"
                + " them would wait forever; stop the slave, delete its DATA_DIR and start it again to resync");
    }
}
