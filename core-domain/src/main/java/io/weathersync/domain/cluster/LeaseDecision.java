package io.weathersync.domain.cluster;

/** What a master does about the lease at one renewal tick; decided by {@link LeasePolicy}. */
public sealed interface LeaseDecision {

    /** It holds the lease: renew it under the same epoch and stay active. */
    record Renew(long epoch) implements LeaseDecision {
    }

    /** Nobody holds a live lease: take it under the next epoch, and become active once that write wins. */
    record TakeOver(long epoch) implements LeaseDecision {
    }

    /** Another master holds a live lease: stay (or become) standby, naming the active master. */
    record Standby(Lease active) implements LeaseDecision {
    }
}
