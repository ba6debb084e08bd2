package io.weathersync.runtime;

import org.junit.jupiter.api.Test;

import java.net.BindException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed start told in one line that names the setting to fix, as the node's causes show it. */
class StartFailuresTest {

    private static final Path DATA = Path.of("/srv/weather/master");
    private static final NodeConfig EMBEDDED = node(NodeSettings.h2Url(DATA));
    private static final NodeConfig MYSQL = node("jdbc:mysql://db:3306/weather");

    private static NodeConfig node(String dbUrl) {
        return new NodeConfig("127.0.0.1", 8080, DATA, dbUrl, "weather", Optional.empty(), Optional.empty(),
                "weather:readings");
    }

    /** What an adapter throws: its own one-line message over the driver's exception chain. */
    private static IllegalStateException failed(String message, Throwable cause) {
        return new IllegalStateException(message, new RuntimeException("Failed to initialize pool", cause));
    }

    @Test
    void aPortInUseNamesServerPort() {
        String line = StartFailures.explain(new IllegalStateException("cannot listen on 127.0.0.1:8080: Address already "
                + "in use", new BindException("Address already in use")), EMBEDDED);

        assertThat(line).isEqualTo("SERVER_PORT: cannot listen on 127.0.0.1:8080: Address already in use - another "
                + "node or program listens on port 8080; stop it, or set SERVER_PORT to a free port (0 picks one)");
    }

    @Test
    void anAddressNotOfThisMachineNamesServerHost() {
        String line = StartFailures.explain(new IllegalStateException("cannot listen on 10.9.9.9:8080",
                new BindException("Cannot assign requested address")), EMBEDDED);

        assertThat(line).startsWith("SERVER_HOST: cannot listen on 10.9.9.9:8080 - 127.0.0.1 is not an address");
    }

    @Test
    void theDefaultDatabaseLockedByAnotherNodeNamesDataDir() {
        SQLException inUse = new SQLException("Database may be already in use: \"/srv/weather/master/weather.mv.db\"",
                "90020", 90020);

        String line = StartFailures.explain(failed("cannot connect to jdbc:h2:file:/srv/weather/master/weather as '': "
                + "The file is locked", inUse), EMBEDDED);

        assertThat(line).isEqualTo("DATA_DIR: cannot connect to jdbc:h2:file:/srv/weather/master/weather as '': The "
                + "file is locked - another node runs on the data directory /srv/weather/master; stop it, or give this "
                + "node its own DATA_DIR");
    }

    @Test
    void aLockedH2FileNamedByDbUrlNamesDbUrl() {
        SQLException inUse = new SQLException("Database may be already in use", "90020", 90020);

        assertThat(StartFailures.explain(failed("locked", inUse), node("jdbc:h2:file:/elsewhere/db")))
                .startsWith("DB_URL: locked - another process has this H2 database open");
    }

    @Test
    void aRefusedLoginNamesDbUserAndDbPassword() {
        SQLException denied = new SQLException("Access denied for user 'nobody'@'127.0.0.1'", "28000", 1045);

        assertThat(StartFailures.explain(failed("cannot connect to jdbc:mysql://db:3306/weather as 'nobody': Access "
                + "denied for user 'nobody'@'127.0.0.1'", denied), MYSQL))
                .startsWith("DB_USER, DB_PASSWORD: cannot connect").endsWith("set DB_USER and DB_PASSWORD to an account "
                        + "the database accepts");
    }

    @Test
    void anUnreachableDatabaseNamesDbUrl() {
        SQLException link = new SQLException("Communications link failure", "08S01", 0, new ConnectException("Connection "
                + "refused"));

        assertThat(StartFailures.explain(failed("cannot connect to jdbc:mysql://db:3306/weather as 'weather': "
                + "Connection refused", link), MYSQL))
                .isEqualTo("DB_URL: cannot connect to jdbc:mysql://db:3306/weather as 'weather': Connection refused - is "
                        + "the database running at the host and port DB_URL names?");
    }

    @Test
    void anUnknownDatabaseNamesDbUrlAndHowToCreateIt() {
        SQLException unknown = new SQLException("Unknown database 'weather'", "42000", 1049);

        assertThat(StartFailures.explain(failed("cannot connect: Unknown database 'weather'", unknown), MYSQL))
                .startsWith("DB_URL: cannot connect: Unknown database 'weather' - create that database");
    }

    @Test
    void anythingElseIsToldAsItIsOnOneLine() {
        IllegalStateException other = new IllegalStateException("signing key file is damaged",
                new IllegalArgumentException("Illegal base64 character 2e\nat offset 3"));

        assertThat(StartFailures.explain(other, EMBEDDED)).isEqualTo("cannot start: signing key file is damaged: "
                + "Illegal base64 character 2e at offset 3");
    }
}
