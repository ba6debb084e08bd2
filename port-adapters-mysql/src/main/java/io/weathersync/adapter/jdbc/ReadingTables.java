package io.weathersync.adapter.jdbc;

/**
 * Where a store keeps its readings, and which of them it serves: the master's log serves all of its rows,
 * a replica only those of its served generation. Every read is one statement, so it sees one snapshot even
 * while a resync switches generations.
 */
enum ReadingTables {

    /** The master's compacted log. */
    LOG("log_readings", "log_cities", false,
            "SELECT m.stream_id AS state_stream, m.head AS state_seq, " + ReadingColumns.SELECT
                    + " FROM log_meta m LEFT JOIN log_readings r ON m.id = 1 WHERE m.id = 1"),

    /** A slave's replica: reads see the served generation only. */
    REPLICA("replica_readings", "replica_cities", true,
            "SELECT s.served_stream AS state_stream, s.served_seq AS state_seq, " + ReadingColumns.SELECT
                    + " FROM replica_state s LEFT JOIN replica_readings r ON r.generation = s.served_generation"
                    + " WHERE s.id = 1");

    private final String readings;
    private final String cities;
    private final boolean generational;
    private final String digest;

    ReadingTables(String readings, String cities, boolean generational, String digest) {
        this.readings = readings;
        this.cities = cities;
        this.generational = generational;
        this.digest = digest;
    }

    /** Whether rows carry a generation (bound as {@code :generation} in the upserts). */
    boolean generational() {
        return generational;
    }

    /** The upsert of one reading with its seq (and generation, for a replica). */
    String upsertReading() {
        return "INSERT INTO " + readings + " (" + generationColumn() + ReadingColumns.NAMES + ", seq) VALUES ("
                + generationParameter() + ReadingColumns.PARAMETERS + ", :seq) ON DUPLICATE KEY UPDATE "
                + ReadingColumns.UPDATES;
    }

    /**
     * The upsert of a city's newest observation time; it never moves back. H2 gets a MERGE: its {@code ON
     * DUPLICATE KEY UPDATE} parses a new UPDATE statement for every duplicate row, and in a batch nearly every
     * city is one.
     */
    String upsertCity(Dialect dialect) {
        if (dialect == Dialect.MYSQL) {
            return "INSERT INTO " + cities + " (" + generationColumn() + "city_key, observed_at) VALUES ("
                    + generationParameter() + ":city_key, :observed_at) "
                    + "ON DUPLICATE KEY UPDATE observed_at = GREATEST(observed_at, VALUES(observed_at))";
        }
        String generation = generational ? "CAST(:generation AS BIGINT), " : "";
        return "MERGE INTO " + cities + " c USING (VALUES (" + generation + "CAST(:city_key AS VARCHAR(255)), "
                + "CAST(:observed_at AS BIGINT))) v (" + generationColumn() + "city_key, observed_at) ON "
                + (generational ? "c.generation = v.generation AND " : "") + "c.city_key = v.city_key "
                + "WHEN MATCHED AND v.observed_at > c.observed_at THEN UPDATE SET observed_at = v.observed_at "
                + "WHEN NOT MATCHED THEN INSERT (" + generationColumn() + "city_key, observed_at) VALUES ("
                + (generational ? "v.generation, " : "") + "v.city_key, v.observed_at)";
    }

    /** The served newest reading of every city (or of one, with {@code :city_key} when {@code oneCity}). */
    String latest(boolean oneCity) {
        return "SELECT " + ReadingColumns.SELECT + " FROM " + cities + " c JOIN " + readings
                + " r ON r.city_key = c.city_key AND r.observed_at = c.observed_at"
                + (generational ? " AND r.generation = c.generation" : "")
                + " WHERE " + served("c") + (oneCity ? "c.city_key = :city_key" : "1 = 1");
    }

    /**
     * A served city's readings in [lower, :end) — lower inclusive or not — by time, at most {@code :limit}.
     * The ORDER BY names the whole primary key, so that H2 too walks the index and stops at the limit.
     */
    String history(boolean lowerInclusive) {
        return "SELECT " + ReadingColumns.SELECT + " FROM " + readings + " r WHERE " + served("r")
                + "r.city_key = :city_key AND r.observed_at " + (lowerInclusive ? ">=" : ">")
                + " :lower AND r.observed_at < :end ORDER BY " + (generational ? "r.generation, " : "")
                + "r.city_key, r.observed_at LIMIT :limit";
    }

    /** Every served reading, with the served stream and seq on each row (one row with no reading when empty). */
    String digest() {
        return digest;
    }

    /** The condition (with a trailing AND) that keeps the served rows of the table aliased {@code alias}. */
    private String served(String alias) {
        return generational
                ? alias + ".generation = (SELECT served_generation FROM replica_state WHERE id = 1) AND "
                : "";
    }

    private String generationColumn() {
        return generational ? "generation, " : "";
    }

    private String generationParameter() {
        return generational ? ":generation, " : "";
    }
}
