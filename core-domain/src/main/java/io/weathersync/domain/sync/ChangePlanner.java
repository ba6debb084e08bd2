package io.weathersync.domain.sync;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ReadingKey;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The master's write rule, as a pure function: which readings of a batch are changes, and their seqs.
 * A store calls it inside its transaction with what it holds for the batch's keys, then writes the result.
 */
public final class ChangePlanner {

    private ChangePlanner() {
    }

    /**
     * Plans a batch.
     *
     * @param stream   the log
     * @param head     the log's current head
     * @param incoming the batch, in arrival order; a later reading of the same key wins
     * @param stored   what the store holds for (some of) the batch's keys
     * @return the changes, with seqs {@code head + 1 …} without holes
     */
    public static List<Change> plan(StreamId stream, long head, List<WeatherReading> incoming,
                                    Map<ReadingKey, WeatherReading> stored) {
        Map<ReadingKey, WeatherReading> current = new HashMap<>(stored);
        List<Change> changes = new ArrayList<>();
        long seq = head;
        for (WeatherReading reading : incoming) {
            ReadingKey key = reading.key();
            if (ChangeKind.of(current.get(key), reading).isChange()) {
                current.put(key, reading);
                changes.add(new Change(stream, ++seq, reading));
            }
        }
        return List.copyOf(changes);
    }
}
