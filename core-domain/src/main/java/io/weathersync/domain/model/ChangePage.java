package io.weathersync.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * One page of the compacted change log: the readings whose last change is after some seq, by seq.
 *
 * @param stream           the log
 * @param head             the log's newest seq when the page was read
 * @param changes          the changes, by rising seq
 * @param completeThrough  every change up to this seq is reflected in this page or before it;
 *                         equal to {@code head} on the last page
 */
public record ChangePage(StreamId stream, long head, List<Change> changes, long completeThrough) {

    /** Checks ordering and that the page does not claim more than the head. */
    public ChangePage {
        Objects.requireNonNull(stream, "stream: must not be null");
        changes = List.copyOf(changes);
        if (completeThrough > head) {
            throw new IllegalArgumentException(
                    "complete_through: must not exceed head " + head + ", was " + completeThrough);
        }
        long previous = 0;
        for (Change change : changes) {
            if (!change.stream().equals(stream)) {
                throw new IllegalArgumentException("changes: seq " + change.seq() + " is of another stream");
            }
            if (change.seq() <= previous || change.seq() > completeThrough) {
                throw new IllegalArgumentException("changes: seq " + change.seq()
                        + " is out of order or beyond complete_through " + completeThrough);
            }
            previous = change.seq();
        }
    }

    /** Whether this page reaches the head, so no further page is needed. */
    public boolean isLast() {
        return completeThrough == head;
    }
}
