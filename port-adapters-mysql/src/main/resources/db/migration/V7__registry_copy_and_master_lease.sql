-- A slave keeps a copy of its master's node registry, so that a master restored from the slave still accepts
-- every slave's credentials: the nodes as cluster_nodes holds them, each with its key and the salted hash of its
-- secret (never the secret). Replaced as a whole whenever the master's registry changes.
CREATE TABLE replica_registry (
    node_id     VARCHAR(255)  NOT NULL,
    node_type   INT           NOT NULL,
    node_name   VARCHAR(64)   NOT NULL,
    description VARCHAR(500)  NOT NULL,
    api_url     TEXT          NOT NULL,
    active      BOOLEAN       NOT NULL,
    sync_config VARCHAR(2000) NOT NULL,
    created_at  BIGINT        NOT NULL,
    updated_at  BIGINT        NOT NULL,
    api_key     VARCHAR(255)  NULL,
    secret_hash TEXT          NULL,
    PRIMARY KEY (node_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The master lease, when several masters share this database: who is active, under which epoch (the fencing token
-- that every seq assignment checks in its own transaction), and until when. One row, id 1, created by the first
-- master that takes it; the epoch only rises.
CREATE TABLE master_lease (
    id         INT          NOT NULL,
    holder     VARCHAR(255) NOT NULL,
    holder_url TEXT         NOT NULL,
    epoch      BIGINT       NOT NULL,
    expires_at BIGINT       NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
