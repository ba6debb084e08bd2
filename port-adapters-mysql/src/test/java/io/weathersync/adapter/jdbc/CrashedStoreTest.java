package io.weathersync.adapter.jdbc;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marker of an open embedded store: set while a node has it open, gone after a clean close; a store whose
 * marker survived (its last run crashed) is compacted before use and keeps every committed row. The crash itself,
 * and what the compaction prevents, is e2e-tests' CrashSoakIT (kill -9 of a real master under write load).
 */
class CrashedStoreTest {

    @TempDir
    Path dir;

    @Test
    void markerIsSetWhileOpenAndGoneAfterAClose() throws Exception {
        Path marker = dir.resolve("weather.open");
        try (Database database = Database.open(url(), "", "")) {
            assertThat(marker).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(marker))).isEqualTo("rw-------");
            new JdbiChangeLog(database);
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void storeLeftOpenIsCompactedBeforeUseAndKeepsEveryCommittedRow() throws Exception {
        Path file = dir.resolve("weather.mv.db");
        long head;
        try (Database database = Database.open(url(), "", "")) {
            JdbiChangeLog log = new JdbiChangeLog(database);
            for (int batch = 0; batch < 50; batch++) {
                log.append(readings(batch));
            }
            head = log.head();
        }
        long closedSize = Files.size(file);
        // As after a crash: the marker of the last run is still there.
        Files.createFile(dir.resolve("weather.open"));

        try (Database database = Database.open(url(), "", "")) {
            assertThat(Files.size(file)).as("compacted").isLessThan(closedSize);
            JdbiChangeLog log = new JdbiChangeLog(database);
            assertThat(log.head()).isEqualTo(head);
            assertThat(log.changesAfter(0, 10_000).changes()).hasSize((int) head);
        }
        assertThat(dir.resolve("weather.open")).doesNotExist();
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("weather");
    }

    private static List<WeatherReading> readings(int batch) {
        List<WeatherReading> readings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            readings.add(WeatherReading.of(new City("City-" + i),
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * batch), 20.5, 50, "test"));
        }
        return readings;
    }
}
