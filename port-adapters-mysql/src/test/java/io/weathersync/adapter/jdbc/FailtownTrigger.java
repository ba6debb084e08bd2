package io.weathersync.adapter.jdbc;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/** An H2 trigger that fails the insert of any row holding the city key {@code failtown}: an injected fault. */
public final class FailtownTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow != null && Arrays.asList(newRow).contains("failtown")) {
            throw new SQLException("injected failure for failtown", "45000");
        }
    }
}
