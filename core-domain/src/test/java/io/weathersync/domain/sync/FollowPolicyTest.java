package io.weathersync.domain.sync;

import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every decision of the follow policy, as a table: a replica's state against the master's first page. */
class FollowPolicyTest {

    private static ChangePage answer(String stream, long head) {
        return new ChangePage(new StreamId(stream), head, List.of(), head);
    }

    private static SyncState replica(String stream, long applied) {
        return stream.equals("none") ? SyncState.EMPTY : new SyncState(new StreamId(stream), applied);
    }

    @ParameterizedTest(name = "replica {0} at {1}, master {2} at head {3} -> {4}")
    @CsvSource(textBlock = """
            followed, 10, followed, 10, Pull
            followed, 10, followed, 11, Pull
            followed,  0, followed,  0, Pull
            followed, 10, followed, 9000, Pull
            none,      0, new,       0, Resync
            none,      0, new,     500, Resync
            followed, 10, new,       0, Resync
            followed, 10, new,     500, Resync
            followed, 10, followed,  9, MasterWentBack
            followed, 10, followed,  0, MasterWentBack
            """)
    void decides(String replicaStream, long applied, String masterStream, long head, String expected) {
        FollowDecision decision = FollowPolicy.decide(replica(replicaStream, applied), answer(masterStream, head));

        assertThat(decision.getClass().getSimpleName()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "went back from {1} to {0}")
    @CsvSource({"9, 10", "0, 10", "41, 42"})
    void wentBackNamesBothSeqs(long head, long applied) {
        assertThat(FollowPolicy.decide(replica("followed", applied), answer("followed", head)))
                .isEqualTo(new FollowDecision.MasterWentBack(head, applied));
    }

    @ParameterizedTest(name = "resync names the master's stream {0}")
    @CsvSource({"new", "another"})
    void resyncNamesTheMastersStream(String stream) {
        assertThat(FollowPolicy.decide(replica("followed", 3), answer(stream, 1)))
                .isEqualTo(new FollowDecision.Resync(new StreamId(stream)));
    }
}
