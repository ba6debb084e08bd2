package io.weathersync.runtime;

import java.net.BindException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Turns why a node could not start into the one line an operator can act on: the setting to fix, what failed and
 * what to do. Told apart by what the JDK and SQL standardise (a {@link BindException}, an SQLState class, H2's
 * "in use" code), so the runtime needs no adapter type; a failure it does not know is told as it is.
 */
public final class StartFailures {

    /** H2's "Database may be already in use": another process holds the database file. */
    private static final int H2_IN_USE = 90020;
    /** MySQL's and MariaDB's "Unknown database". */
    private static final int MYSQL_UNKNOWN_DATABASE = 1049;

    private StartFailures() {
    }

    /** The line for {@code failure} of a node configured as {@code node}, without the leading {@code error: }. */
    public static String explain(Throwable failure, NodeConfig node) {
        String what = oneLine(failure.getMessage() == null ? failure.toString() : failure.getMessage());
        Optional<BindException> bind = find(failure, BindException.class);
        if (bind.isPresent()) {
            return bind.get().getMessage() != null && bind.get().getMessage().contains("assign requested address")
                    ? "SERVER_HOST: " + what + " - " + node.host() + " is not an address of this machine; set "
                            + "SERVER_HOST to one of its addresses (127.0.0.1, or 0.0.0.0 for all)"
                    : "SERVER_PORT: " + what + " - another node or program listens on port " + node.port()
                            + "; stop it, or set SERVER_PORT to a free port (0 picks one)";
        }
        Optional<SQLException> sql = find(failure, SQLException.class);
        if (sql.isEmpty()) {
            return "cannot start: " + withCauses(failure);
        }
        String state = Optional.ofNullable(sql.get().getSQLState()).orElse("");
        int code = sql.get().getErrorCode();
        if (code == H2_IN_USE) {
            return node.dbUrl().equals(NodeSettings.h2Url(node.dataDir()))
                    ? "DATA_DIR: " + what + " - another node runs on the data directory " + node.dataDir()
                            + "; stop it, or give this node its own DATA_DIR"
                    : "DB_URL: " + what + " - another process has this H2 database open; stop it, or point DB_URL "
                            + "at another file";
        }
        if (state.startsWith("28")) {
            return "DB_USER, DB_PASSWORD: " + what + " - set DB_USER and DB_PASSWORD to an account the database "
                    + "accepts";
        }
        if (code == MYSQL_UNKNOWN_DATABASE) {
            return "DB_URL: " + what + " - create that database (CREATE DATABASE name), or name an existing one in "
                    + "DB_URL";
        }
        if (state.startsWith("08") || find(failure, ConnectException.class).isPresent()
                || find(failure, UnknownHostException.class).isPresent()) {
            return "DB_URL: " + what + " - is the database running at the host and port DB_URL names?";
        }
        return "DB_URL: " + what;
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** The failure's message followed by each cause's that adds something, on one line. */
    private static String withCauses(Throwable e) {
        StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        while (cause != null && cause != cause.getCause()) {
            if (cause.getMessage() != null && !reason.toString().contains(cause.getMessage())) {
                reason.append(": ").append(cause.getMessage());
            }
            cause = cause.getCause();
        }
        return oneLine(reason.toString());
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
