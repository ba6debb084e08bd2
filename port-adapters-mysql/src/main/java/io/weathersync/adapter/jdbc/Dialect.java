package io.weathersync.adapter.jdbc;

/** The two kinds of server the adapters talk to, and what differs between their JDBC drivers. */
enum Dialect {
    /** MySQL 8 or MariaDB 10.11 over Connector/J. */
    MYSQL(Integer.MIN_VALUE),
    /** H2 in MySQL mode, embedded. */
    H2(1_000);

    private final int streamingFetchSize;

    Dialect(int streamingFetchSize) {
        this.streamingFetchSize = streamingFetchSize;
    }

    /**
     * The fetch size that makes a large query stream its rows instead of loading them all: Connector/J
     * streams row by row only with {@link Integer#MIN_VALUE}; H2 rejects negative sizes and spills large
     * results to disk by itself.
     */
    int streamingFetchSize() {
        return streamingFetchSize;
    }
}
