package io.weathersync.domain.cluster;

import io.weathersync.domain.model.StreamId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** What a heartbeat leaves out keeps what the master knew; what it says replaces it. */
class HeartbeatReportTest {

    private static final StreamId STREAM = new StreamId("stream-1");
    private static final Instant SYNCED = Instant.parse("2026-11-23T10:00:00Z");
    private static final Heartbeat KNOWN =
            new Heartbeat(STREAM, 57, SYNCED, Duration.ofSeconds(3600), "0.1.0", "10.0.0.8", 8081);

    private static HeartbeatReport report(Optional<StreamId> stream, OptionalLong seq) {
        return new HeartbeatReport(stream, seq, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalInt.empty());
    }

    @Test
    void aBodilessHeartbeatKeepsEverythingTheMasterKnew() {
        assertThat(HeartbeatReport.ALIVE.applyTo(KNOWN)).isEqualTo(KNOWN);
    }

    @Test
    void aBodilessFirstHeartbeatKnowsNothingYet() {
        assertThat(HeartbeatReport.ALIVE.applyTo(null))
                .isEqualTo(new Heartbeat(null, 0, null, Duration.ZERO, "", "", 0));
    }

    @Test
    void aFullReportReplacesEverything() {
        Heartbeat now = new Heartbeat(new StreamId("stream-2"), 3, SYNCED.plusSeconds(9), Duration.ofSeconds(5),
                "0.2.0", "", 0);

        assertThat(HeartbeatReport.of(now).applyTo(KNOWN)).isEqualTo(now);
    }

    @Test
    void noLastSyncKeepsTheOneKnownAsTheDataIsStillThatFresh() {
        Heartbeat restarted = new Heartbeat(STREAM, 57, null, Duration.ofSeconds(5), "0.1.0", "10.0.0.8", 8081);

        assertThat(HeartbeatReport.of(restarted).applyTo(KNOWN).lastSync()).isEqualTo(SYNCED);
    }

    @Test
    void streamAndSeqAreOnePositionEitherOfWhichReportsBoth() {
        // A slave wiped and not yet synced reports seq 0 and no stream: it follows nothing now.
        assertThat(report(Optional.empty(), OptionalLong.of(0)).applyTo(KNOWN))
                .isEqualTo(new Heartbeat(null, 0, SYNCED, KNOWN.uptime(), "0.1.0", "10.0.0.8", 8081));
        assertThat(report(Optional.of(new StreamId("stream-2")), OptionalLong.empty()).applyTo(KNOWN))
                .isEqualTo(new Heartbeat(new StreamId("stream-2"), 0, SYNCED, KNOWN.uptime(), "0.1.0", "10.0.0.8",
                        8081));
        assertThat(report(Optional.of(STREAM), OptionalLong.of(60)).applyTo(KNOWN).appliedSeq()).isEqualTo(60);
    }

    @Test
    void eachOtherFieldReplacesOnlyItself() {
        HeartbeatReport uptimeOnly = new HeartbeatReport(Optional.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.of(Duration.ofSeconds(7200)), Optional.empty(), Optional.empty(), OptionalInt.empty());
        HeartbeatReport whereOnly = new HeartbeatReport(Optional.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.empty(), Optional.of("0.3.0"), Optional.of("10.0.0.9"), OptionalInt.of(9091));

        assertThat(uptimeOnly.applyTo(KNOWN)).isEqualTo(
                new Heartbeat(STREAM, 57, SYNCED, Duration.ofSeconds(7200), "0.1.0", "10.0.0.8", 8081));
        assertThat(whereOnly.applyTo(KNOWN)).isEqualTo(
                new Heartbeat(STREAM, 57, SYNCED, KNOWN.uptime(), "0.3.0", "10.0.0.9", 9091));
    }
}
