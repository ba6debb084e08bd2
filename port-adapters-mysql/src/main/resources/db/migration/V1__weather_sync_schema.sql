-- weather-sync schema, one set of files for MySQL 8, MariaDB 10.11 and H2 in MySQL mode.
-- Times are epoch milliseconds (UTC) in BIGINT columns, so no server or session time zone is involved.
-- Text compares byte for byte (utf8mb4_bin): city keys that differ only by accent or case stay distinct,
-- because the domain decides identity (City.key()), not the database collation.
-- A master uses the log_* tables, a slave the replica_* tables, the master's registry the cluster_* tables.

-- The master's log: its stream id (created once, when the store is first initialised) and its head.
CREATE TABLE log_meta (
    id        INT         NOT NULL,
    stream_id VARCHAR(64) NOT NULL,
    head      BIGINT      NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The compacted log: one row per reading identity, carrying the seq of its last change.
CREATE TABLE log_readings (
    city_key       VARCHAR(255) NOT NULL,
    observed_at    BIGINT       NOT NULL,
    city_name      VARCHAR(100) NOT NULL,
    temperature    DOUBLE       NOT NULL,
    humidity       DOUBLE       NOT NULL,
    pressure       DOUBLE       NULL,
    wind_speed     DOUBLE       NULL,
    wind_direction DOUBLE       NULL,
    precipitation  DOUBLE       NULL,
    weather_code   INT          NULL,
    source_name    VARCHAR(32)  NOT NULL,
    seq            BIGINT       NOT NULL,
    PRIMARY KEY (city_key, observed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX log_readings_seq ON log_readings (seq);

-- The newest observation time of each city, so "latest of every city" is one indexed join, not a scan.
CREATE TABLE log_cities (
    city_key    VARCHAR(255) NOT NULL,
    observed_at BIGINT       NOT NULL,
    PRIMARY KEY (city_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A slave's sync state: the served generation and, during a full resync, the one being built.
CREATE TABLE replica_state (
    id                 INT         NOT NULL,
    served_stream      VARCHAR(64) NULL,
    served_generation  BIGINT      NOT NULL,
    served_seq         BIGINT      NOT NULL,
    pending_stream     VARCHAR(64) NULL,
    pending_generation BIGINT      NULL,
    pending_seq        BIGINT      NOT NULL,
    last_generation    BIGINT      NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A slave's readings, per generation (a resync fills a new generation beside the served one).
CREATE TABLE replica_readings (
    generation     BIGINT       NOT NULL,
    city_key       VARCHAR(255) NOT NULL,
    observed_at    BIGINT       NOT NULL,
    city_name      VARCHAR(100) NOT NULL,
    temperature    DOUBLE       NOT NULL,
    humidity       DOUBLE       NOT NULL,
    pressure       DOUBLE       NULL,
    wind_speed     DOUBLE       NULL,
    wind_direction DOUBLE       NULL,
    precipitation  DOUBLE       NULL,
    weather_code   INT          NULL,
    source_name    VARCHAR(32)  NOT NULL,
    seq            BIGINT       NOT NULL,
    PRIMARY KEY (generation, city_key, observed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX replica_readings_seq ON replica_readings (generation, seq);

CREATE TABLE replica_cities (
    generation  BIGINT       NOT NULL,
    city_key    VARCHAR(255) NOT NULL,
    observed_at BIGINT       NOT NULL,
    PRIMARY KEY (generation, city_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The master's node registry (seed 002).
CREATE TABLE cluster_nodes (
    row_no      BIGINT       NOT NULL AUTO_INCREMENT,
    node_id     VARCHAR(255) NOT NULL,
    node_type   INT          NOT NULL,
    node_name   VARCHAR(64)  NOT NULL,
    description VARCHAR(500) NOT NULL,
    api_url     TEXT         NOT NULL,
    active      BOOLEAN      NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (row_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE UNIQUE INDEX cluster_nodes_id ON cluster_nodes (node_id);
CREATE UNIQUE INDEX cluster_nodes_name ON cluster_nodes (node_name);

CREATE TABLE cluster_credentials (
    node_id     VARCHAR(255) NOT NULL,
    api_key     VARCHAR(255) NOT NULL,
    secret_hash TEXT         NOT NULL,
    PRIMARY KEY (node_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE UNIQUE INDEX cluster_credentials_key ON cluster_credentials (api_key);

CREATE TABLE cluster_heartbeats (
    node_id     VARCHAR(255) NOT NULL,
    received_at BIGINT       NOT NULL,
    stream_id   VARCHAR(64)  NULL,
    applied_seq BIGINT       NOT NULL,
    last_sync   BIGINT       NULL,
    uptime_ms   BIGINT       NOT NULL,
    version     TEXT         NOT NULL,
    host        TEXT         NOT NULL,
    port        INT          NOT NULL,
    PRIMARY KEY (node_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE cluster_sync_logs (
    log_id     BIGINT        NOT NULL AUTO_INCREMENT,
    node_id    VARCHAR(255)  NOT NULL,
    logged_at  BIGINT        NOT NULL,
    kind       VARCHAR(255)  NOT NULL,
    succeeded  BOOLEAN       NOT NULL,
    from_seq   BIGINT        NOT NULL,
    to_seq     BIGINT        NOT NULL,
    item_count INT           NOT NULL,
    detail     VARCHAR(2000) NOT NULL,
    PRIMARY KEY (log_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX cluster_sync_logs_node ON cluster_sync_logs (node_id, log_id);
