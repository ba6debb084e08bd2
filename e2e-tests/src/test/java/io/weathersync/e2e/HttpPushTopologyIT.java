package io.weathersync.e2e;

import org.junit.jupiter.api.BeforeAll;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix on the embedded topology: HTTP push from the master (no Redis), every node on its H2 file.
 * The last live message is lost by disabling the slaves' nodes on the master, which then pushes to no one.
 */
class HttpPushTopologyIT extends FaultMatrix {

    @Override
    Topology topology() {
        return Topology.HTTP_H2;
    }

    /** Faults 2, 3 and 5 break Redis; this topology has none, so they are no tests here, only table rows. */
    @BeforeAll
    void recordTheFaultsThatNeedRedis() {
        notApplicable(FAULT_2, "no Redis in this topology (HTTP push)");
        notApplicable(FAULT_3, "no Redis output buffer in this topology (HTTP push)");
        notApplicable(FAULT_5, "no shared channel in this topology (HTTP push)");
    }

    @Override
    void loseLiveMessages() {
        cluster.slaves().forEach(slave -> cluster.setActive(slave, false));
    }

    @Override
    void deliverLiveMessages() {
        cluster.slaves().forEach(slave -> cluster.setActive(slave, true));
    }

    /** A disabled node is neither pushed to nor allowed to pull, so both slaves must still be behind. */
    @Override
    String confirmLost(long changes) {
        List<String> behind = behind();
        assertThat(behind).as("slaves behind while disabled").hasSize(SLAVES);
        return "while disabled: " + String.join(", ", behind);
    }
}
