package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.FencedOffException;
import io.weathersync.application.service.MasterLeaseService;
import io.weathersync.domain.cluster.Lease;
import io.weathersync.domain.cluster.LeaseDecision;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two masters on one database: the lease elects one, the other stands by naming it, a lapsed lease is taken over
 * under the next epoch, and the old master, paused through the takeover, cannot assign a seq when it wakes up.
 */
abstract class MasterLeaseBehaviour {

    private static final Duration LEASE = Duration.ofSeconds(5);
    /** Every master's clock in a test: the lease lapses when the test says so. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T05:00:00Z"));

    abstract TestDatabases databases();

    @Test
    void oneMasterIsActiveAndAPausedOldMasterCannotWriteAfterTheTakeover() {
        Database shared = databases().fresh();
        MasterLeaseService a = master(shared, "a");
        MasterLeaseService b = master(shared, "b");
        ChangeLog logOfA = new JdbiChangeLog(shared, a::epoch);
        ChangeLog logOfB = new JdbiChangeLog(shared, b::epoch);

        assertThat(a.tick()).isEqualTo(new LeaseDecision.TakeOver(1));
        assertThat(b.tick()).isInstanceOf(LeaseDecision.Standby.class);
        assertThat(b.active()).hasValueSatisfying(lease -> assertThat(lease.holderUrl()).isEqualTo("http://a"));
        assertThat(logOfA.append(List.of(reading("Oslo", 0, 1))).getFirst().seq()).isEqualTo(1);
        assertThatThrownBy(() -> logOfB.append(List.of(reading("Rome", 0, 2))))
                .isInstanceOf(FencedOffException.class).hasMessageContaining("epoch 0");

        clock.advance(LEASE); // a is paused: no renewal
        assertThat(b.tick()).isEqualTo(new LeaseDecision.TakeOver(2));
        assertThat(b.isActive()).isTrue();
        assertThat(a.epoch()).as("a still believes it holds epoch 1").isEqualTo(1);

        assertThatThrownBy(() -> logOfA.append(List.of(reading("Lima", 0, 3))))
                .isInstanceOf(FencedOffException.class).hasMessageContaining("epoch 1").hasMessageContaining("is 2");
        assertThat(logOfB.head()).isEqualTo(1);
        assertThat(logOfB.append(List.of(reading("Rome", 0, 2))).getFirst().seq()).isEqualTo(2);

        assertThat(a.tick()).isInstanceOf(LeaseDecision.Standby.class);
        assertThat(a.isActive()).isFalse();
        assertThat(a.active()).hasValueSatisfying(lease -> assertThat(lease.holderUrl()).isEqualTo("http://b"));
        assertThat(b.tick()).isEqualTo(new LeaseDecision.Renew(2));
        assertThat(logOfB.head()).isEqualTo(2);
    }

    @Test
    void aMasterHandingTheLeaseBackAtStopIsTakenOverAtOnceAndWritesNoMore() {
        Database shared = databases().fresh();
        MasterLeaseService a = master(shared, "a");
        MasterLeaseService b = master(shared, "b");
        MasterLeaseService c = master(shared, "c");
        ChangeLog logOfA = new JdbiChangeLog(shared, a::epoch);
        a.tick();
        b.tick();
        c.tick();
        assertThat(logOfA.append(List.of(reading("Oslo", 0, 1))).getFirst().seq()).isEqualTo(1);

        assertThat(c.release()).as("a standby has nothing to hand back").isFalse();
        assertThat(b.tick()).as("the lease is still a's").isInstanceOf(LeaseDecision.Standby.class);
        assertThat(a.release()).isTrue();

        assertThat(a.isActive()).isFalse();
        assertThatThrownBy(() -> logOfA.append(List.of(reading("Lima", 0, 2))))
                .isInstanceOf(FencedOffException.class).hasMessageContaining("epoch 0");
        assertThatThrownBy(a::tick).isInstanceOf(IllegalStateException.class).hasMessageContaining("handed back");
        assertThat(b.tick()).as("taken over with no time passed").isEqualTo(new LeaseDecision.TakeOver(2));
        assertThat(new JdbiChangeLog(shared, b::epoch).append(List.of(reading("Rome", 0, 3))).getFirst().seq())
                .isEqualTo(2);
    }

    @Test
    void aMasterCutOffFromTheDatabaseStandsByOnceItsLeaseHasLapsedByItsOwnClock() {
        Database shared = databases().fresh();
        Database ofA = databases().open(databases().urlOf(shared));
        MasterLeaseService a = master(ofA, "a");
        MasterLeaseService b = master(shared, "b");
        assertThat(a.tick()).isEqualTo(new LeaseDecision.TakeOver(1));
        b.tick();

        ofA.close(); // a's connections are gone: no renewal can reach the database
        clock.advance(LEASE.minusSeconds(1));
        assertThatThrownBy(a::tick).isInstanceOf(RuntimeException.class);
        assertThat(a.isActive()).as("still within the lease it holds").isTrue();
        clock.advance(Duration.ofSeconds(1)); // no tick: a renewal that hangs ends no sooner than one that fails

        assertThat(a.isActive()).isFalse();
        assertThat(a.active()).as("who holds it now is not known").isEmpty();
        assertThat(b.tick()).isEqualTo(new LeaseDecision.TakeOver(2));
    }

    @Test
    void aMasterWhoseLeaseLapsedWithNobodyTakingItOverIsActiveAgainAtItsNextRenewal() {
        Database shared = databases().fresh();
        MasterLeaseService a = master(shared, "a");
        a.tick();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(a.isActive()).isFalse();

        assertThat(a.tick()).isEqualTo(new LeaseDecision.Renew(1));

        assertThat(a.isActive()).isTrue();
        assertThat(a.active()).hasValueSatisfying(lease -> assertThat(lease.holder()).isEqualTo("a"));
        assertThat(new JdbiChangeLog(shared, a::epoch).append(List.of(reading("Oslo", 0, 1))).getFirst().seq())
                .isEqualTo(1);
    }

    @Test
    void twoMastersTakingTheSameLapsedLeaseAtOnceLeaveExactlyOneActive() {
        Database shared = databases().fresh();
        JdbiMasterLeases leases = new JdbiMasterLeases(shared);
        MasterLeaseService a = master(shared, "a");
        a.tick();
        clock.advance(LEASE.plusSeconds(1));
        Lease lapsed = leases.current().orElseThrow();

        boolean bWon = leases.takeOver(new Lease("b", "http://b", lapsed.epoch() + 1,
                clock.instant().plus(LEASE)));
        boolean cWon = leases.takeOver(new Lease("c", "http://c", lapsed.epoch() + 1,
                clock.instant().plus(LEASE)));

        assertThat(bWon).isTrue();
        assertThat(cWon).isFalse();
        assertThat(leases.current().orElseThrow().holder()).isEqualTo("b");
    }

    /** The lease side of master {@code name}, served at {@code http://name}, on {@code shared}. */
    private MasterLeaseService master(Database shared, String name) {
        return new MasterLeaseService(new JdbiMasterLeases(shared), name, "http://" + name, clock, LEASE);
    }
}
