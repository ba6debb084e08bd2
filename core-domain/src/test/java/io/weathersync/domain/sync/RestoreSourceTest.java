package io.weathersync.domain.sync;

import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which slave a master is restored from, as a table: each candidate as stream:seq:rows, and the one chosen. */
class RestoreSourceTest {

    private static List<RestoreCandidate> candidates(String spec) {
        List<RestoreCandidate> candidates = new ArrayList<>();
        int i = 0;
        for (String one : spec.split(" ")) {
            String[] parts = one.split(":");
            StreamId stream = parts[0].equals("none") ? null : new StreamId(parts[0]);
            candidates.add(new RestoreCandidate("slave-" + i++, new Digest(stream, Long.parseLong(parts[1]),
                    Long.parseLong(parts[2]), "h")));
        }
        return candidates;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            old:100:56,                         slave-0
            old:100:56 old:120:56,              slave-1
            old:120:56 old:100:56,              slave-0
            old:100:56 old:100:56,              slave-0
            old:90:50 old:100:56 old:95:53,     slave-1
            new:3:3 old:100:56,                 slave-1
            old:100:56 new:300:57,              slave-1
            none:0:0 old:5:2,                   slave-1
            old:7:0 old:5:2,                    slave-1
            """)
    void choosesTheMostAdvanced(String spec, String chosen) {
        assertThat(RestoreSource.choose(candidates(spec))).map(RestoreCandidate::url).contains(chosen);
    }

    @ParameterizedTest(name = "{0} -> none")
    @CsvSource({"none:0:0", "old:4:0", "none:0:0 old:9:0"})
    void noCandidateHoldingReadingsChoosesNone(String spec) {
        assertThat(RestoreSource.choose(candidates(spec))).isEmpty();
    }

    @Test
    void noCandidatesChooseNone() {
        assertThat(RestoreSource.choose(List.of())).isEmpty();
    }
}
