package io.weathersync.app.master;

import io.weathersync.application.port.in.CollectWeatherUseCase;
import io.weathersync.application.port.in.CollectionReport;
import io.weathersync.application.port.in.PublishResult;
import io.weathersync.domain.model.City;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** Poll lines go to DEBUG unless the cycle changed something or something failed (issue 18). */
class PollCycleLogTest {

    private static final Duration INTERVAL = Duration.ofSeconds(60);
    private final Logger logger = Logger.getLogger(PollCycle.class.getName());
    private final List<LogRecord> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord line) {
            lines.add(line);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level levelBefore;

    @BeforeEach
    void capture() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        logger.setLevel(levelBefore);
    }

    @Test
    void aCycleThatChangedNothingAndFailedNowhereLogsAtDebug() {
        cycle(new CollectionReport(3, new PublishResult(3, 0, 0, 0), Map.of(), Duration.ofMillis(12))).get();

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.FINE);
            assertThat(line.getMessage()).startsWith("poll: 3 readings, 0 changes, 0 cities failed");
        });
    }

    @Test
    void aCycleThatChangedSomethingLogsAtInfo() {
        cycle(new CollectionReport(3, new PublishResult(3, 2, 7, 8), Map.of(), Duration.ofMillis(12))).get();

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.INFO);
            assertThat(line.getMessage()).startsWith("poll: 3 readings, 2 changes (seq 7-8), 0 cities failed");
        });
    }

    @Test
    void aCycleWithAFailedCityLogsAtInfoAndWarnsWhy() {
        cycle(new CollectionReport(2, new PublishResult(2, 0, 0, 0), Map.of(new City("Oslo"), "HTTP 503"),
                Duration.ofMillis(12))).get();

        assertThat(lines).extracting(LogRecord::getLevel).containsExactly(Level.INFO, Level.WARNING);
        assertThat(lines.get(1).getMessage()).contains("HTTP 503", "Oslo");
    }

    private static PollCycle cycle(CollectionReport report) {
        return new PollCycle(new CollectWeatherUseCase() {
            @Override
            public CollectionReport collect() {
                return report;
            }

            @Override
            public Optional<String> problem() {
                return Optional.empty();
            }
        }, INTERVAL);
    }
}
