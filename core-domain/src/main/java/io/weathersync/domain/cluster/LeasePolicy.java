package io.weathersync.domain.cluster;

import java.time.Instant;
import java.util.Optional;

/**
 * The master lease rule, a pure function of the stored lease, the asking master and the time. A lease is live
 * until its expiry (exclusive). Its holder renews it under the same epoch, even after it lapsed, as long as no
 * one took it meanwhile; anyone takes a lapsed lease (or the first one) under the next epoch. The epoch is the
 * fencing token: a master that lost the lease while paused still carries the old epoch, and every seq assignment
 * checks it, so it can never write again.
 */
public final class LeasePolicy {

    private LeasePolicy() {
    }

    /** What {@code me} does, given the {@code stored} lease (empty: none yet) at {@code now}. */
    public static LeaseDecision decide(Optional<Lease> stored, String me, Instant now) {
        if (stored.isEmpty()) {
            return new LeaseDecision.TakeOver(1);
        }
        Lease lease = stored.get();
        if (lease.holder().equals(me)) {
            return new LeaseDecision.Renew(lease.epoch());
        }
        if (now.isBefore(lease.expiresAt())) {
            return new LeaseDecision.Standby(lease);
        }
        return new LeaseDecision.TakeOver(lease.epoch() + 1);
    }
}
