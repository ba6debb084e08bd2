package io.weathersync.runtime;

/**
 * The one rule for a node's database URL: a JDBC URL of a driver the nodes carry (MySQL Connector/J, which
 * also serves MariaDB, or H2). {@link NodeSettings} applies it naming the setting, {@link NodeConfig} so no
 * record holds another URL; both say {@link #REQUIREMENT} and never the value, which may carry a password.
 */
final class DbUrlRule {

    /** What an accepted URL looks like, as the end of an error message. */
    static final String REQUIREMENT = "must be a JDBC URL of MySQL/MariaDB (jdbc:mysql://host:3306/db) "
            + "or H2 (jdbc:h2:file:/path/db)";

    private DbUrlRule() {
    }

    /** Whether a node can open {@code url}. */
    static boolean accepts(String url) {
        return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:h2:");
    }
}
