package io.weathersync.app.master;

import io.weathersync.application.port.in.PublishReadingsUseCase;
import io.weathersync.application.port.out.FencedOffException;
import io.weathersync.application.service.MasterLeaseService;
import io.weathersync.domain.cluster.Lease;
import io.weathersync.runtime.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A master with the lease on: its publish answers 503 naming the active master while it stands by (the store's
 * fence refuses it anyway; this says where to go), and its lease is renewed or taken over on a schedule.
 */
final class StandbyGuard {

    private static final Logger LOG = LoggerFactory.getLogger(StandbyGuard.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private StandbyGuard() {
    }

    /** {@code publish}, refused while {@code lease} (null = no lease) stands by. */
    static PublishReadingsUseCase publish(Supplier<MasterLeaseService> lease, PublishReadingsUseCase publish) {
        return readings -> {
            MasterLeaseService held = lease.get();
            if (held != null && !held.isActive()) {
                throw new FencedOffException("standby master: writes go to the active master " + held.active()
                        .map(Lease::holderUrl).orElse("(not known: the lease has not been read lately)"));
            }
            return publish.publish(readings);
        };
    }

    /**
     * Ticks {@code service} now and every {@code renew}; a failed tick (database away) is logged and retried, and a
     * lease that lapses meanwhile is noticed within {@code renew} even while a tick hangs. At stop, after the last
     * tick, the lease is handed back, so a standby takes over within its renewal interval rather than the lease time
     * (a rolling update, a clean restart).
     */
    static AutoCloseable startLease(AtomicReference<MasterLeaseService> lease, MasterLeaseService service,
                                    Duration renew) {
        lease.set(service);
        PeriodicTask ticks = PeriodicTask.start("lease", Duration.ZERO, renew, STOP_WAIT, () -> {
            try {
                service.tick();
            } catch (RuntimeException e) {
                LOG.warn("lease renewal failed: {}", e.getMessage());
            }
            return renew;
        });
        // A renewal can hang on a cut connection for minutes: this notices (and logs) the lapse meanwhile.
        PeriodicTask lapses = PeriodicTask.start("lease lapse", renew, renew, STOP_WAIT, () -> {
            service.isActive();
            return renew;
        });
        return () -> {
            lapses.close();
            ticks.close();
            try {
                service.release();
            } catch (RuntimeException e) {
                LOG.warn("lease: could not hand it back at stop ({}); a standby takes over once it lapses",
                        e.getMessage());
            }
        };
    }
}
