package io.weathersync.adapter.memory;

import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.application.port.out.ReadingCountsContract;

/** The reading counts contract against the in-memory adapter. */
class InMemoryReadingCountsTest extends ReadingCountsContract {

    @Override
    protected ReadingCounts createCounts() {
        return new InMemoryReadingCounts();
    }
}
