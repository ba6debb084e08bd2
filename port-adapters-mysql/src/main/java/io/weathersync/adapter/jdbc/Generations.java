package io.weathersync.adapter.jdbc;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;

/**
 * Deletes the rows of replica generations that are neither served nor being built: the old data after a
 * resync switched, an abandoned resync, or leftovers of a crash. Reads never see those rows, and a generation
 * number is never handed out twice, so an unused generation stays unused: this can run after the switching
 * transaction, one city at a time to keep each transaction small.
 */
final class Generations {

    private static final Logger LOG = LoggerFactory.getLogger(Generations.class);

    private final Jdbi jdbi;
    private final Database database;

    Generations(Database database) {
        this.jdbi = database.jdbi();
        this.database = database;
    }

    /** Drops what it can; a failure is logged and left for the next resync or start, never thrown. */
    void dropUnused() {
        try {
            drop();
        } catch (RuntimeException e) {
            LOG.warn("could not drop the rows of unused replica generations yet (retried at the next resync or "
                    + "start): {}", e.toString());
        }
    }

    private void drop() {
        record State(long served, Long pending, long last) {
        }
        State state = jdbi.withHandle(h -> h.createQuery("SELECT served_generation, pending_generation,"
                        + " last_generation FROM replica_state WHERE id = 1")
                .map((rs, ctx) -> new State(rs.getLong(1), rs.getObject(2, Long.class), rs.getLong(3)))
                .findOne())
                .orElse(null);
        if (state == null) {
            return;
        }
        // Every generation handed out is at most the last one, and cities rows name any other leftover. A resync
        // still building has readings but no cities yet, so a candidate's rows are found through both tables.
        List<Long> leftovers = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT generation FROM replica_cities")
                .mapTo(Long.class)
                .list());
        Set<Long> candidates = new TreeSet<>(leftovers);
        LongStream.rangeClosed(1, state.last()).forEach(candidates::add);
        candidates.remove(state.served());
        if (state.pending() != null) {
            candidates.remove(state.pending());
        }
        int dropped = 0;
        for (long generation : candidates) {
            List<String> cities = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT city_key FROM"
                            + " replica_readings WHERE generation = :generation UNION SELECT city_key FROM"
                            + " replica_cities WHERE generation = :generation")
                    .bind("generation", generation)
                    .mapTo(String.class)
                    .list());
            for (String city : cities) {
                database.writeVoid(h -> {
                    for (String table : List.of("replica_readings", "replica_cities")) {
                        h.createUpdate("DELETE FROM " + table
                                        + " WHERE generation = :generation AND city_key = :city_key")
                                .bind("generation", generation)
                                .bind("city_key", city)
                                .execute();
                    }
                });
            }
            dropped += cities.isEmpty() ? 0 : 1;
        }
        if (dropped > 0) {
            LOG.info("dropped the rows of {} unused replica generation(s)", dropped);
        }
    }
}
