package io.weathersync.domain.sync;

import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every decision of the follow policy, as a table: a replica's state and the readings it holds, the operator's
 * consent, against the master's first page.
 */
class FollowPolicyTest {

    private static ChangePage answer(String stream, long head) {
        return new ChangePage(new StreamId(stream), head, List.of(), head);
    }

    private static SyncState replica(String stream, long applied) {
        return stream.equals("none") ? SyncState.EMPTY : new SyncState(new StreamId(stream), applied);
    }

    private static FollowConsent consent(String consent) {
        return switch (consent) {
            case "none" -> FollowConsent.NONE;
            case "any" -> FollowConsent.ANY;
            default -> FollowConsent.of(new StreamId(consent));
        };
    }

    @ParameterizedTest(name = "replica {0} at {1} holding {2}, consent {3}, master {4} at head {5} -> {6}")
    @CsvSource(textBlock = """
            followed, 10,  10, none,     followed,   10, Pull
            followed, 10,  10, none,     followed,   11, Pull
            followed,  0,   0, none,     followed,    0, Pull
            followed, 10,  10, none,     followed, 9000, Pull
            followed, 10,  10, any,      followed,   11, Pull
            none,      0,   0, none,     new,         0, Resync
            none,      0,   0, none,     new,       500, Resync
            followed, 10,   0, none,     new,         0, Resync
            followed, 10,  10, none,     new,        10, Resync
            followed, 10,  10, none,     new,       500, Resync
            followed, 10,   8, none,     new,         8, Resync
            followed, 10,  10, none,     new,         0, Diverged
            followed, 10,  10, none,     new,         9, Diverged
            followed, 500, 56, none,     new,        55, Diverged
            followed, 10,  10, another,  new,         0, Diverged
            followed, 10,  10, followed, new,         0, Diverged
            followed, 10,  10, new,      new,         0, Resync
            followed, 10,  10, any,      new,         0, Resync
            followed, 10,  10, none,     followed,    9, MasterWentBack
            followed, 10,  10, none,     followed,    0, MasterWentBack
            followed, 10,  10, any,      followed,    0, MasterWentBack
            """)
    void decides(String replicaStream, long applied, long held, String consent, String masterStream, long head,
                 String expected) {
        FollowDecision decision = FollowPolicy.decide(replica(replicaStream, applied), answer(masterStream, head),
                held, consent(consent));

        assertThat(decision.getClass().getSimpleName()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "went back from {1} to {0}")
    @CsvSource({"9, 10", "0, 10", "41, 42"})
    void wentBackNamesBothSeqs(long head, long applied) {
        assertThat(FollowPolicy.decide(replica("followed", applied), answer("followed", head), applied,
                FollowConsent.NONE)).isEqualTo(new FollowDecision.MasterWentBack(head, applied));
    }

    @ParameterizedTest(name = "resync names the master's stream {0}")
    @CsvSource({"new", "another"})
    void resyncNamesTheMastersStream(String stream) {
        assertThat(FollowPolicy.decide(replica("followed", 3), answer(stream, 3), 3, FollowConsent.NONE))
                .isEqualTo(new FollowDecision.Resync(new StreamId(stream)));
    }

    @ParameterizedTest(name = "diverged from {2} readings to stream {0} at head {1}")
    @CsvSource({"new, 0, 1", "new, 4, 56", "another, 99, 100"})
    void divergedNamesTheNewStreamItsHeadAndTheReadingsHeld(String stream, long head, long held) {
        assertThat(FollowPolicy.decide(replica("followed", held), answer(stream, head), held, FollowConsent.NONE))
                .isEqualTo(new FollowDecision.Diverged(new StreamId(stream), head, held));
    }

    @Test
    void aNegativeCountOfReadingsIsRefusedNamingIt() {
        assertThatThrownBy(() -> FollowPolicy.decide(replica("followed", 1), answer("new", 0), -1,
                FollowConsent.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("held_readings");
    }
}
