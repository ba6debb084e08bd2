package io.weathersync.bench;

/**
 * The replication peer's rows: the master's {@code log_readings} DDL, filled server-side from MariaDB's
 * SEQUENCE engine ({@code seq_1_to_N}) with the same values IngestBench posts (city {@code city-(n % cities)},
 * one observation per minute per city), so no client round trip per row slows the load.
 */
final class PeerRows {

    static final String CREATE_TABLE = """
            CREATE TABLE peer (
                city_key VARCHAR(255) NOT NULL, observed_at BIGINT NOT NULL, city_name VARCHAR(100) NOT NULL,
                temperature DOUBLE NOT NULL, humidity DOUBLE NOT NULL, pressure DOUBLE NULL, wind_speed DOUBLE NULL,
                wind_direction DOUBLE NULL, precipitation DOUBLE NULL, weather_code INT NULL,
                source_name VARCHAR(32) NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (city_key, observed_at),
                INDEX peer_seq (seq)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""";

    private PeerRows() {
    }

    /** One transaction inserting rows {@code first..last} (1-based seq). */
    static String insert(long first, long last, int cities) {
        long base = IngestBench.BASE.toEpochMilli();
        return "INSERT INTO peer SELECT CONCAT('city-', (seq - 1) % " + cities + "), " + base + " + 60000 * "
                + "((seq - 1) DIV " + cities + "), CONCAT('city-', (seq - 1) % " + cities + "), "
                + "10 + ((seq - 1) % 200) / 10, 40 + (seq - 1) % 50, 1012.5, 3.2, NULL, NULL, NULL, 'bench', seq "
                + "FROM seq_" + first + "_to_" + last;
    }
}
