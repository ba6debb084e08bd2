package io.weathersync.domain.cluster;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The master lease rule as a table: the stored lease (holder, epoch, expiry in seconds), who asks, when. */
class LeasePolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-06T05:00:00Z");

    @ParameterizedTest(name = "lease {0}/{1} until +{2}s, {3} asks at +{4}s -> {5} {6}")
    @CsvSource(textBlock = """
            none, 0, 0,  a, 0,  TakeOver, 1
            a,    1, 10, a, 0,  Renew,    1
            a,    1, 10, a, 10, Renew,    1
            a,    4, 10, a, 99, Renew,    4
            a,    1, 10, b, 0,  Standby,  1
            a,    1, 10, b, 9,  Standby,  1
            a,    1, 10, b, 10, TakeOver, 2
            a,    7, 10, b, 60, TakeOver, 8
            """)
    void decides(String holder, long epoch, long expiresIn, String me, long at, String kind, long decidedEpoch) {
        Optional<Lease> stored = holder.equals("none") ? Optional.empty()
                : Optional.of(new Lease(holder, "http://" + holder, epoch, T0.plusSeconds(expiresIn)));

        LeaseDecision decision = LeasePolicy.decide(stored, me, T0.plusSeconds(at));

        assertThat(decision.getClass().getSimpleName()).isEqualTo(kind);
        long got = switch (decision) {
            case LeaseDecision.Renew renew -> renew.epoch();
            case LeaseDecision.TakeOver takeOver -> takeOver.epoch();
            case LeaseDecision.Standby standby -> standby.active().epoch();
        };
        assertThat(got).isEqualTo(decidedEpoch);
    }
}
