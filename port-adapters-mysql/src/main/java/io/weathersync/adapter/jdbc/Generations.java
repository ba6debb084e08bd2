package io.weathersync.adapter.jdbc;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Deletes the rows of replica generations that are neither served nor being built: the old data after a
 * resync switched, an abandoned resync, or leftovers of a crash. Reads never see those rows, and a generation
 * number is never handed out twice, so an unused generation stays unused: this can run after the switching
 * transaction, one city at a time to keep each transaction small.
 */
final class Generations {

    private static final Logger LOG = LoggerFactory.getLogger(Generations.class);

    private final Jdbi jdbi;

    Generations(Jdbi jdbi) {
        this.jdbi = jdbi;
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
        record Unused(long generation, String cityKey) {
        }
        List<Unused> unused = jdbi.withHandle(h -> h.createQuery("SELECT c.generation, c.city_key"
                        + " FROM replica_state s JOIN replica_cities c ON s.id = 1"
                        + " WHERE c.generation <> s.served_generation"
                        + " AND (s.pending_generation IS NULL OR c.generation <> s.pending_generation)")
                .map((rs, ctx) -> new Unused(rs.getLong("generation"), rs.getString("city_key")))
                .list());
        for (Unused city : unused) {
            jdbi.useTransaction(h -> {
                for (String table : List.of("replica_readings", "replica_cities")) {
                    h.createUpdate("DELETE FROM " + table + " WHERE generation = :generation AND city_key = :city_key")
                            .bind("generation", city.generation())
                            .bind("city_key", city.cityKey())
                            .execute();
                }
            });
        }
        if (!unused.isEmpty()) {
            LOG.info("dropped the rows of {} unused replica generation(s)",
                    unused.stream().map(Unused::generation).distinct().count());
        }
    }
}
