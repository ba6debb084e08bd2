package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.application.port.in.ServeChangesUseCase;
import io.weathersync.domain.model.ChangePage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The master's catch-up answer and the bounds of its request. */
class ServeChangesServiceTest {

    private final InMemoryChangeLog log = new InMemoryChangeLog();
    private final ServeChangesService service = new ServeChangesService(log);

    @Test
    void aPageOfTheLogIsServed() {
        log.append(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2), reading("Rome", 0, 3)));

        ChangePage page = service.changesAfter(1, 1);

        assertThat(page.changes()).extracting(c -> c.seq()).containsExactly(2L);
        assertThat(page.head()).isEqualTo(3);
        assertThat(page.isLast()).isFalse();
    }

    @Test
    void limitsFromOneToTheMaximumAreServed() {
        assertThat(service.changesAfter(0, 1).isLast()).isTrue();
        assertThat(service.changesAfter(0, ServeChangesUseCase.MAX_LIMIT).isLast()).isTrue();
    }

    @Test
    void aNegativeAfterIsRejectedNamingIt() {
        assertThatThrownBy(() -> service.changesAfter(-1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("after: must not be negative, was -1");
    }

    @Test
    void aLimitOutsideItsBoundIsRejectedNamingIt() {
        assertThatThrownBy(() -> service.changesAfter(0, 0)).hasMessage("limit: must be between 1 and 5000, was 0");
        assertThatThrownBy(() -> service.changesAfter(0, 5001))
                .hasMessage("limit: must be between 1 and 5000, was 5001");
    }
}
