-- What looking city names up gave (issue 4), so a name outside the built-in table is geocoded once, not on
-- every start. One row per city key (City.key(), compared byte for byte like every key of V1). A found place
-- has both coordinates; a name that matched nothing has neither, and answered_at tells when to ask again.
-- answered_at is epoch milliseconds (UTC), as every time of V1.
CREATE TABLE geocoded_cities (
    city_key    VARCHAR(255) NOT NULL,
    city_name   VARCHAR(100) NOT NULL,
    latitude    DOUBLE       NULL,
    longitude   DOUBLE       NULL,
    answered_at BIGINT       NOT NULL,
    PRIMARY KEY (city_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
