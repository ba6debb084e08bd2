package io.weathersync.adapter.http.trace;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The W3C traceparent: what is taken from a caller, what is made, what a call carries on. */
class TraceParentTest {

    private static final String W3C_EXAMPLE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aWellFormedHeaderIsTakenAsItIs() {
        assertThat(TraceParent.parse(" " + W3C_EXAMPLE + " ")).hasValueSatisfying(trace -> {
            assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(trace.spanId()).isEqualTo("00f067aa0ba902b7");
            assertThat(trace.flags()).isEqualTo("01");
            assertThat(trace.header()).isEqualTo(W3C_EXAMPLE);
        });
    }

    @Test
    void malformedHeadersAreNotTaken() {
        for (String bad : new String[] {null, "", "garbage", W3C_EXAMPLE.toUpperCase(), "01" + W3C_EXAMPLE.substring(2),
                W3C_EXAMPLE + "0", W3C_EXAMPLE.substring(1), W3C_EXAMPLE.replace('-', '_'),
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0x"}) {
            assertThat(TraceParent.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void aNewTraceIsWellFormedAndNewEachTime() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            TraceParent trace = TraceParent.newTrace();
            assertThat(TraceParent.parse(trace.header())).contains(trace);
            assertThat(trace.flags()).isEqualTo("01");
            ids.add(trace.traceId());
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void aChildKeepsTheTraceWithANewSpan() {
        TraceParent trace = TraceParent.parse(W3C_EXAMPLE).orElseThrow();

        TraceParent child = trace.child();

        assertThat(child.traceId()).isEqualTo(trace.traceId());
        assertThat(child.spanId()).isNotEqualTo(trace.spanId()).hasSize(16);
        assertThat(child.flags()).isEqualTo(trace.flags());
        assertThat(TraceParent.parse(child.header())).contains(child);
    }
}
