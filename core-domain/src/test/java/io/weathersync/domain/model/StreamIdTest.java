package io.weathersync.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The form of a stream id. */
class StreamIdTest {

    @Test
    void aRandomStreamIdIsWellFormedAndNew() {
        StreamId one = StreamId.random();

        assertThat(new StreamId(one.value())).isEqualTo(one);
        assertThat(StreamId.random()).isNotEqualTo(one);
        assertThat(one.toString()).isEqualTo(one.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "A-9", "0123456789012345678901234567890123456789012345678901234567890123"})
    void lettersDigitsAndDashesUpToSixtyFourAreAccepted(String value) {
        assertThat(new StreamId(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a_b", "a b", "a/b", "straße",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void anythingElseIsRejectedNamingTheField(String value) {
        assertThatThrownBy(() -> new StreamId(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream: must be 1 to 64 letters, digits or '-', was '" + value + "'");
    }

    @Test
    void aNullValueIsRejected() {
        assertThatThrownBy(() -> new StreamId(null)).hasMessageStartingWith("stream:");
    }
}
