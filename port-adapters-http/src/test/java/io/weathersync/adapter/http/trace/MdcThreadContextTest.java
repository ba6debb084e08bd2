package io.weathersync.adapter.http.trace;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A trace sent with a live message and taken up by its receiver, in the MDC the log lines read. */
class MdcThreadContextTest {

    private static final String SENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private final MdcThreadContext context = new MdcThreadContext();

    @AfterEach
    void clear() {
        Traces.end();
        Traces.enable(true);
    }

    private String traceIdWithin(Optional<String> incoming) {
        AtomicReference<String> seen = new AtomicReference<>();
        context.within(incoming, () -> seen.set(MDC.get(Traces.TRACE_ID)));
        return seen.get();
    }

    @Test
    void whatIsSentIsAChildOfTheSendersTraceAndNothingWithoutOne() {
        assertThat(context.outgoing()).isEmpty();
        Traces.begin(TraceParent.parse(SENT).orElseThrow());

        assertThat(context.outgoing()).hasValueSatisfying(sent -> {
            TraceParent child = TraceParent.parse(sent).orElseThrow();
            assertThat(child.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(child.spanId()).isNotEqualTo("00f067aa0ba902b7");
        });
    }

    @Test
    void theReceiverWorksInTheTraceReceivedAndThenInItsOwnAgain() {
        assertThat(traceIdWithin(Optional.of(SENT))).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(MDC.get(Traces.TRACE_ID)).as("none before, none after").isNull();

        Traces.begin(TraceParent.newTrace());
        String own = MDC.get(Traces.TRACE_ID);
        traceIdWithin(Optional.of(SENT));
        assertThat(MDC.get(Traces.TRACE_ID)).isEqualTo(own);
    }

    @Test
    void aMissingOrMalformedTraceGivesTheWorkANewOne() {
        for (Optional<String> incoming : List.of(Optional.<String>empty(), Optional.of("garbage"),
                Optional.of(SENT.toUpperCase()))) {
            assertThat(traceIdWithin(incoming)).as("%s", incoming).matches("[0-9a-f]{32}")
                    .isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        }
    }

    @Test
    void withTracingOffNothingIsSentOrTakenUp() {
        Traces.begin(TraceParent.parse(SENT).orElseThrow());
        Traces.enable(false);

        assertThat(context.outgoing()).isEmpty();
        Traces.end();
        assertThat(traceIdWithin(Optional.of(SENT))).isNull();
    }
}
