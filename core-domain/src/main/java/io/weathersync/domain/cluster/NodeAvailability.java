package io.weathersync.domain.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * A registered node's {@code status} as seed 002's registry shows it: {@code 0} offline, {@code 1} online,
 * {@code 2} disabled. Disabled wins; otherwise a node is online while its last heartbeat is at most
 * {@code offlineAfter} old (exactly at the bound it is still online), the same rule the status view applies.
 */
public enum NodeAvailability {
    /** Not heard from within the offline timeout, or never. */
    OFFLINE(0),
    /** Heard from within the offline timeout. */
    ONLINE(1),
    /** Disabled by an operator: it cannot authenticate and is not pushed to. */
    DISABLED(2);

    private final int code;

    NodeAvailability(int code) {
        this.code = code;
    }

    /** The wire code. */
    public int code() {
        return code;
    }

    /** The availability of a node, enabled or not, last heard from at {@code lastSeen} (null = never). */
    public static NodeAvailability of(boolean active, Instant lastSeen, Instant now, Duration offlineAfter) {
        if (!active) {
            return DISABLED;
        }
        return silent(lastSeen, now, offlineAfter) ? OFFLINE : ONLINE;
    }

    /** Whether a node last heard from at {@code lastSeen} (null = never) counts as offline at {@code now}. */
    public static boolean silent(Instant lastSeen, Instant now, Duration offlineAfter) {
        return lastSeen == null || Duration.between(lastSeen, now).compareTo(offlineAfter) > 0;
    }
}
