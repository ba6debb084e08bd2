package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.ChangeLogContract;

import java.util.IdentityHashMap;
import java.util.Map;

/** The core's change-log contract against {@link JdbiChangeLog}; subclasses choose the database. */
abstract class JdbiChangeLogContract extends ChangeLogContract {

    private final Map<ChangeLog, Database> databases = new IdentityHashMap<>();

    abstract TestDatabases databases();

    @Override
    protected ChangeLog createChangeLog() {
        return track(databases().fresh());
    }

    @Override
    protected ChangeLog reopen(ChangeLog log) {
        return track(databases().reopen(databases.get(log)));
    }

    private ChangeLog track(Database database) {
        ChangeLog log = new JdbiChangeLog(database);
        databases.put(log, database);
        return log;
    }
}
