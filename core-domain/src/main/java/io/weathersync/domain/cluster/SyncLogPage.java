package io.weathersync.domain.cluster;

import java.util.List;

/**
 * One page of the sync log.
 *
 * @param records the page's entries, newest first
 * @param total   how many entries the query selects in all pages
 */
public record SyncLogPage(List<SyncLogRecord> records, long total) {

    /** Copies the records; checks the total. */
    public SyncLogPage {
        records = List.copyOf(records);
        if (total < records.size()) {
            throw new IllegalArgumentException("total: must be at least the page's " + records.size() + ", was "
                    + total);
        }
    }
}
