package io.weathersync.e2e;

/** The two deployments the fault matrix runs on. */
enum Topology {
    /** Redis Pub/Sub transport (a private redis-server), master on MariaDB, slaves on H2. */
    REDIS_MARIADB("redis+mariadb", true, true),
    /** HTTP push transport (no Redis), every node on its embedded H2 file. */
    HTTP_H2("http-push+h2", false, false);

    private final String label;
    private final boolean redis;
    private final boolean masterOnMariaDb;

    Topology(String label, boolean redis, boolean masterOnMariaDb) {
        this.label = label;
        this.redis = redis;
        this.masterOnMariaDb = masterOnMariaDb;
    }

    String label() {
        return label;
    }

    boolean redis() {
        return redis;
    }

    boolean masterOnMariaDb() {
        return masterOnMariaDb;
    }

    /** A directory-safe name. */
    String dirName() {
        return name().toLowerCase().replace('_', '-');
    }
}
