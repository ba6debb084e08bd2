package io.weathersync.application.service;

import io.weathersync.application.port.out.MasterLeases;
import io.weathersync.domain.cluster.Lease;
import io.weathersync.domain.cluster.LeaseDecision;
import io.weathersync.domain.cluster.LeasePolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One master's side of the shared lease ({@link LeasePolicy}): each {@link #tick()} renews, takes over or stays
 * standby, and remembers the epoch held ({@code 0} while standby), which the change log checks at every seq
 * assignment (the fence), and the active master's lease, which standbys name in their 503 answers. A master whose
 * renewal does not succeed in time (its database away, cut off or stuck) is no longer active once its lease has
 * lapsed by its own clock, even while the renewal still hangs: it stops polling and refuses publishes, since a
 * standby may hold the lease by then.
 */
public final class MasterLeaseService {

    private static final System.Logger LOG = System.getLogger(MasterLeaseService.class.getName());

    private final MasterLeases leases;
    private final String me;
    private final String url;
    private final Clock clock;
    private final Duration leaseTime;
    private volatile long epoch;
    private volatile Lease active;
    private final AtomicBoolean lapsed = new AtomicBoolean();
    private boolean released;

    /**
     * The lease side of the master {@code me}, served at {@code url}, holding the lease for {@code leaseTime} at each
     * renewal.
     */
    public MasterLeaseService(MasterLeases leases, String me, String url, Clock clock, Duration leaseTime) {
        this.leases = Objects.requireNonNull(leases, "leases");
        this.me = Objects.requireNonNull(me, "me");
        this.url = Objects.requireNonNull(url, "url");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (leaseTime.isNegative() || leaseTime.isZero()) {
            throw new IllegalArgumentException("lease time: must be positive, was " + leaseTime);
        }
        this.leaseTime = leaseTime;
    }

    /** Renews, takes over or stays standby, once; returns what was decided. */
    public synchronized LeaseDecision tick() {
        if (released) {
            throw new IllegalStateException("lease: handed back at stop, no longer ticked");
        }
        Instant now = clock.instant();
        Optional<Lease> stored = leases.current();
        LeaseDecision decision = LeasePolicy.decide(stored, me, now);
        switch (decision) {
            case LeaseDecision.Renew renew -> held(leases.renew(lease(renew.epoch(), now)), renew.epoch(), now);
            case LeaseDecision.TakeOver takeOver -> {
                boolean won = leases.takeOver(lease(takeOver.epoch(), now));
                if (won) {
                    LOG.log(System.Logger.Level.WARNING, "active master now: took over the lease under epoch {0}"
                            + " (the previous holder: {1})", takeOver.epoch(),
                            stored.map(Lease::holderUrl).orElse("none"));
                }
                held(won, takeOver.epoch(), now);
            }
            case LeaseDecision.Standby standby -> standby(standby.active());
        }
        return decision;
    }

    private Lease lease(long leaseEpoch, Instant now) {
        return new Lease(me, url, leaseEpoch, now.plus(leaseTime));
    }

    private void held(boolean written, long leaseEpoch, Instant now) {
        if (written) {
            active = lease(leaseEpoch, now); // before the epoch: whoever reads the new epoch reads its lease
            epoch = leaseEpoch;
            if (lapsed.getAndSet(false)) {
                LOG.log(System.Logger.Level.WARNING, "active master again: the lease of epoch {0} is renewed after it"
                        + " had lapsed", leaseEpoch);
            }
        } else {
            standby(leases.current().orElse(null));
        }
    }

    private void standby(Lease holder) {
        if (epoch != 0) {
            LOG.log(System.Logger.Level.WARNING, "standby now: lost the lease of epoch {0} to {1}", epoch,
                    holder == null ? "nobody" : holder.holderUrl());
        }
        epoch = 0;
        active = holder;
    }

    /**
     * Hands the lease back at a clean stop, so that a standby takes over at its next tick rather than once the
     * lease lapses: from now on this master assigns no seq (epoch 0) and ticks no more. Returns whether a held
     * lease was ended (false while standby, or when another master had taken it meanwhile).
     */
    public synchronized boolean release() {
        released = true;
        Lease held = active;
        long heldEpoch = epoch;
        epoch = 0;
        active = null;
        if (heldEpoch == 0 || held == null) {
            return false;
        }
        boolean ended = leases.release(held);
        if (ended) {
            LOG.log(System.Logger.Level.INFO, "lease handed back at stop (epoch {0}): a standby takes over at its"
                    + " next renewal", heldEpoch);
        }
        return ended;
    }

    /** The epoch this master holds, the fence its seq assignments check; 0 while standby. */
    public long epoch() {
        return epoch;
    }

    /** Whether this master holds the lease: it did at its last tick, and that renewal has not lapsed since. */
    public boolean isActive() {
        long held = epoch;
        Lease seen = active;
        if (held == 0 || seen == null || !seen.holder().equals(me)) {
            return false;
        }
        if (clock.instant().isBefore(seen.expiresAt())) {
            return true;
        }
        if (lapsed.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "standby now: the lease of epoch {0} lapsed at {1} without a renewal"
                    + " (the database is away or slow); no polls or publishes until it is renewed", held,
                    seen.expiresAt());
        }
        return false;
    }

    /**
     * The active master's lease as last seen (this master's own while active); empty before any, and once this
     * master's own has lapsed (who holds it now is not known).
     */
    public Optional<Lease> active() {
        Lease seen = active;
        return epoch != 0 && !isActive() ? Optional.empty() : Optional.ofNullable(seen);
    }
}
