package io.weathersync.adapter.jdbc;

import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The master's log checks itself at start, before it serves anything: the head must be the highest seq of the rows
 * (the last change of the last committed batch is always a row of its own) and no row may lie above it. What is
 * provably safe is repaired, with one log line: rows above the head belong to a batch whose commit never finished,
 * which therefore was never acknowledged, and are discarded whole; on H2, a cities table holding uncommitted
 * leftovers of such a batch is rebuilt from the readings. Anything else refuses the start with one line.
 */
final class LogSelfCheck {

    /** The start of the line logged when something was repaired (the crash soak counts these). */
    static final String REPAIRED = "store self-check: repaired";
    private static final Logger LOG = LoggerFactory.getLogger(LogSelfCheck.class);

    private LogSelfCheck() {
    }

    /** Checks and, where provably safe, repairs; throws {@link IllegalStateException} naming what it cannot. */
    static void run(Database database) {
        if (database.dialect() == Dialect.H2) {
            leftovers(database);
        }
        record Heads(long head, long highest, long above, long lowestAbove) {
        }
        Heads heads = database.jdbi().withHandle(h -> h.createQuery("SELECT m.head,"
                        + " (SELECT COALESCE(MAX(r.seq), 0) FROM log_readings r) AS highest,"
                        + " (SELECT COUNT(*) FROM log_readings r WHERE r.seq > m.head) AS above,"
                        + " (SELECT COALESCE(MIN(r.seq), 0) FROM log_readings r WHERE r.seq > m.head) AS lowest_above"
                        + " FROM log_meta m WHERE m.id = 1")
                .map((rs, ctx) -> new Heads(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .one());
        if (heads.above() > 0) {
            int discarded = database.write(h -> discardAbove(h, heads.head()));
            LOG.warn("{}: discarded {} rows with seqs {}–{} above the head {}: a batch whose commit a crash cut short "
                    + "(never acknowledged); the head now matches the rows", REPAIRED, discarded, heads.lowestAbove(),
                    heads.highest(), heads.head());
        } else if (heads.head() > 0 && heads.highest() != heads.head()) {
            throw new IllegalStateException("store self-check: the log's head is seq " + heads.head()
                    + " but its newest row has seq " + heads.highest() + ": committed changes are missing and slaves may"
                    + " hold seqs this store would hand out again; restore the store from a backup");
        }
    }

    /** Deletes the rows above {@code head} (holding the head row) and resets their cities' newest times. */
    private static int discardAbove(Handle h, long head) {
        long locked = h.createQuery("SELECT head FROM log_meta WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();
        if (locked != head) {
            throw new IllegalStateException("store self-check: the head moved during the check (another node writes"
                    + " to this store?)");
        }
        List<String> cities = h.createQuery("SELECT DISTINCT city_key FROM log_readings WHERE seq > :head")
                .bind("head", head).mapTo(String.class).list();
        int deleted = h.createUpdate("DELETE FROM log_readings WHERE seq > :head").bind("head", head).execute();
        for (String city : cities) {
            h.createUpdate("DELETE FROM log_cities WHERE city_key = :city").bind("city", city).execute();
            h.createUpdate("INSERT INTO log_cities (city_key, observed_at) SELECT city_key, MAX(observed_at)"
                    + " FROM log_readings WHERE city_key = :city GROUP BY city_key").bind("city", city).execute();
        }
        return deleted;
    }

    /** H2 only: leftovers of uncommitted transactions (see {@link Leftovers}) near the head and in the small tables. */
    private static void leftovers(Database database) {
        long head = database.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(MAX(head), 0) FROM log_meta")
                .mapTo(Long.class).one());
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("log_meta", "SELECT id, stream_id, head FROM log_meta ORDER BY id");
        queries.put("log_readings", "SELECT r.seq, " + ReadingColumns.SELECT + " FROM log_readings r"
                + " WHERE r.seq > :from ORDER BY r.seq");
        queries.put("log_cities", "SELECT city_key, observed_at FROM log_cities ORDER BY city_key");
        List<String> found = database.jdbi().withHandle(h -> Leftovers.find(h, queries,
                Map.of("from", head - Leftovers.RECENT)));
        if (found.isEmpty()) {
            return;
        }
        if (found.size() == 1 && found.getFirst().startsWith("log_cities ")) {
            database.writeVoid(h -> Leftovers.rebuildCities(h, "log_cities", false,
                    "SELECT city_key, MAX(observed_at) FROM log_readings GROUP BY city_key"));
            LOG.warn("{}: log_cities held uncommitted leftovers of a transaction a crash cut short, which H2 did not roll"
                    + " back ({}); rebuilt it from the readings", REPAIRED, found.getFirst());
            return;
        }
        throw new IllegalStateException("store self-check: the store holds uncommitted leftovers of a transaction a"
                + " crash cut short, which H2 did not roll back, in " + String.join(", ", found) + "; a write touching"
                + " them would wait forever; restore the store from a backup");
    }
}
