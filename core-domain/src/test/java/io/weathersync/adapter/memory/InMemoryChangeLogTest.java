package io.weathersync.adapter.memory;

import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.ChangeLogContract;

/** The change log contract against the in-memory reference adapter. */
class InMemoryChangeLogTest extends ChangeLogContract {

    @Override
    protected ChangeLog createChangeLog() {
        return new InMemoryChangeLog();
    }
}
