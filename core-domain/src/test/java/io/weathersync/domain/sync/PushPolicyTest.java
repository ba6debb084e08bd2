package io.weathersync.domain.sync;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncPush;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every decision of the push policy, as a table: the replica at seq 10 of its stream, one page pushed. */
class PushPolicyTest {

    private static final StreamId FOLLOWED = new StreamId("followed");
    private static final StreamId OTHER = new StreamId("other");

    private static SyncPush push(SyncPush.Kind kind, StreamId stream, long after, long completeThrough) {
        Change last = new Change(stream, completeThrough,
                WeatherReading.of(new City("Oslo"), Instant.parse("2026-11-23T10:00:00Z"), 1, 50, "test"));
        return new SyncPush(kind, after, new ChangePage(stream, completeThrough, List.of(last), completeThrough));
    }

    @ParameterizedTest(name = "{0} page of {1} after {2} through {3}, replica {4} at {5} -> {6}")
    @CsvSource(textBlock = """
            CATCH_UP, followed, 10, 12, followed, 10, Apply
            CATCH_UP, followed,  5, 12, followed, 10, Apply
            CATCH_UP, followed,  0, 11, followed, 10, Apply
            CATCH_UP, followed, 11, 12, followed, 10, Ignore
            CATCH_UP, followed,  5, 10, followed, 10, Ignore
            CATCH_UP, followed,  2,  8, followed, 10, Ignore
            REPAIR,   followed,  0,  8, followed, 10, Repair
            REPAIR,   followed,  0, 50, followed, 10, Repair
            CATCH_UP, other,    10, 12, followed, 10, CatchUp
            REPAIR,   other,     0,  8, followed, 10, CatchUp
            CATCH_UP, followed,  0,  3, none,      0, CatchUp
            """)
    void decides(SyncPush.Kind kind, String pageStream, long after, long through, String replicaStream,
                 long applied, String expected) {
        SyncState state = replicaStream.equals("none") ? SyncState.EMPTY
                : new SyncState(new StreamId(replicaStream), applied);

        PushDecision decision = PushPolicy.decide(state, push(kind, new StreamId(pageStream), after, through));

        assertThat(decision.getClass().getSimpleName()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a page of another stream names it: {0}")
    @CsvSource({"other", "followed"})
    void aCatchUpDecisionNamesTheMastersStream(String name) {
        StreamId stream = new StreamId(name);

        PushDecision decision = PushPolicy.decide(new SyncState(stream.equals(FOLLOWED) ? OTHER : FOLLOWED, 1),
                push(SyncPush.Kind.CATCH_UP, stream, 1, 2));

        assertThat(decision).isEqualTo(new PushDecision.CatchUp(stream));
    }

    @ParameterizedTest(name = "ignoring says why: after {0} through {1}")
    @CsvSource({"11, 12, 'starts after seq 11, beyond the applied seq 10'", "5, 10, 'complete through seq 10, already'"})
    void anIgnoredPageSaysWhy(long after, long through, String why) {
        PushDecision decision = PushPolicy.decide(new SyncState(FOLLOWED, 10),
                push(SyncPush.Kind.CATCH_UP, FOLLOWED, after, through));

        assertThat(decision).isInstanceOfSatisfying(PushDecision.Ignore.class,
                ignore -> assertThat(ignore.why()).contains(why));
    }
}
