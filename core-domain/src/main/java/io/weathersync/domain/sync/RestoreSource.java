package io.weathersync.domain.sync;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which slave a master is restored from: the most advanced one. A compacted log never loses a reading, so on one
 * stream a later applied seq holds at least as many readings; across streams (a slave that already followed an
 * empty master) the one holding more readings wins. Hence: most readings first, then the latest applied seq; a
 * slave that follows no stream or holds nothing is never chosen.
 */
public final class RestoreSource {

    private static final Comparator<RestoreCandidate> ADVANCE = Comparator
            .comparingLong((RestoreCandidate c) -> c.digest().rows())
            .thenComparingLong(c -> c.digest().appliedSeq());

    private RestoreSource() {
    }

    /** The candidate to restore from; empty when none holds any reading. The first of equals wins. */
    public static Optional<RestoreCandidate> choose(List<RestoreCandidate> candidates) {
        RestoreCandidate best = null;
        for (RestoreCandidate candidate : candidates) {
            if (candidate.digest().stream() == null || candidate.digest().rows() == 0) {
                continue;
            }
            if (best == null || ADVANCE.compare(candidate, best) > 0) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }
}
