package io.weathersync.adapter.jdbc;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds what a crash left of transactions that H2 did not roll back when it opened the file: uncommitted values
 * whose transaction is gone but whose transaction id a live transaction of H2's own holds again (nobody can lock
 * those rows: every write touching them waits forever, the wedged master of issue 14). At start no transaction of
 * ours is open, so a read that sees uncommitted values must then see exactly what a read of the committed values
 * sees; where the two differ, a leftover is there. (A leftover whose id no live transaction holds reads as
 * committed in both and is not found: defence in depth only, the prevention is one write at a time.)
 */
final class Leftovers {

    /**
     * How far below the head leftovers are looked for among the readings: a crash leaves them of the transactions
     * in flight at that moment, which write seqs above the head they locked (at most 8 connections' batches of at
     * most 1,000). Reading this many rows twice costs tens of milliseconds at start.
     */
    static final long RECENT = 10_000;

    private Leftovers() {
    }

    /**
     * Replaces a cities table (each city's newest observation time, derived from the readings) by one filled by
     * {@code fill}: its leftovers cannot be deleted (a delete waits for them forever like any write), but the table
     * can be dropped. Same columns, key and types as the migration's.
     */
    static void rebuildCities(Handle handle, String table, boolean generational, String fill) {
        String generation = generational ? "generation BIGINT NOT NULL, " : "";
        handle.execute("CREATE TABLE " + table + "_rebuilt (" + generation + "city_key VARCHAR(255) NOT NULL,"
                + " observed_at BIGINT NOT NULL, PRIMARY KEY (" + (generational ? "generation, " : "") + "city_key))");
        handle.execute("INSERT INTO " + table + "_rebuilt (" + (generational ? "generation, " : "")
                + "city_key, observed_at) " + fill);
        handle.execute("DROP TABLE " + table);
        handle.execute("ALTER TABLE " + table + "_rebuilt RENAME TO " + table);
    }

    /**
     * The names of the queries whose rows differ between a committed read and an uncommitted one.
     *
     * @param queries    name → a SELECT with a deterministic order (by a unique key)
     * @param parameters bound by name to every query that uses them
     */
    static List<String> find(Handle handle, Map<String, String> queries, Map<String, Object> parameters) {
        Map<String, List<String>> committed = read(handle, queries, parameters, TransactionIsolationLevel.READ_COMMITTED);
        Map<String, List<String>> uncommitted = read(handle, queries, parameters,
                TransactionIsolationLevel.READ_UNCOMMITTED);
        List<String> differing = new ArrayList<>();
        committed.forEach((name, rows) -> {
            if (!rows.equals(uncommitted.get(name))) {
                differing.add(name + " (" + difference(rows, uncommitted.get(name)) + ")");
            }
        });
        return differing;
    }

    private static Map<String, List<String>> read(Handle handle, Map<String, String> queries,
                                                  Map<String, Object> parameters, TransactionIsolationLevel level) {
        TransactionIsolationLevel before = handle.getTransactionIsolationLevel();
        handle.setTransactionIsolationLevel(level);
        try {
            Map<String, List<String>> contents = new LinkedHashMap<>();
            queries.forEach((name, sql) -> {
                Query query = handle.createQuery(sql);
                parameters.forEach((key, value) -> {
                    if (sql.contains(":" + key)) {
                        query.bind(key, value);
                    }
                });
                contents.put(name, query.map((rs, ctx) -> row(rs)).list());
            });
            return contents;
        } finally {
            handle.setTransactionIsolationLevel(before);
        }
    }

    private static String row(ResultSet rs) throws SQLException {
        StringBuilder row = new StringBuilder();
        for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
            row.append(Objects.toString(rs.getObject(column))).append('\u0001');
        }
        return row.toString();
    }

    private static String difference(List<String> committed, List<String> uncommitted) {
        List<String> onlyUncommitted = new ArrayList<>(uncommitted);
        onlyUncommitted.removeAll(committed);
        List<String> onlyCommitted = new ArrayList<>(committed);
        onlyCommitted.removeAll(uncommitted);
        return onlyUncommitted.size() + " uncommitted row versions, " + onlyCommitted.size()
                + " committed ones hidden";
    }
}
