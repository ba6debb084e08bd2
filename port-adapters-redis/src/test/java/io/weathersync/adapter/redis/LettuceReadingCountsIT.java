package io.weathersync.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.application.port.out.ReadingCountsContract;
import io.weathersync.domain.model.ReadingCount;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reading counts contract on the real Redis, each test in a hash of its own; and what two processes share. */
class LettuceReadingCountsIT extends ReadingCountsContract {

    private final List<LettuceReadingCounts> opened = new ArrayList<>();
    private final String key = TestRedis.newChannel() + ":metrics";

    @Override
    protected ReadingCounts createCounts() {
        LettuceReadingCounts counts = new LettuceReadingCounts(TestRedis.uri(), key);
        opened.add(counts);
        return counts;
    }

    @AfterEach
    void deleteKeyAndClose() {
        RedisClient client = RedisClient.create(TestRedis.uri());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            redis.sync().del(key);
        } finally {
            client.shutdown();
        }
        opened.forEach(LettuceReadingCounts::close);
    }

    @Test
    void twoCountersOnOneKeyShareOneCount() {
        ReadingCounts first = createCounts();
        ReadingCounts second = createCounts();
        first.count(List.of(reading("Beijing", 1, 20.0)), List.of());
        second.count(List.of(reading("Beijing", 2, 21.0), reading("Beijing", 3, 22.0)), List.of());

        assertThat(first.counts()).containsExactly(new ReadingCount("test", "Beijing", 3));
        assertThat(second.counts()).isEqualTo(first.counts());
    }

    @Test
    void theHashHoldsSourceBarCityFields() {
        ReadingCounts counts = createCounts();
        counts.count(List.of(reading("Paris", 1, 10.0)), List.of());

        RedisClient client = RedisClient.create(TestRedis.uri());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            assertThat(redis.sync().hgetall(key)).isEqualTo(Map.of("test|Paris", "1"));
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aBatchOfAThousandCitiesIsCountedWholeOnTopOfWhatTheHashHeld() {
        ReadingCounts counts = createCounts();
        counts.count(List.of(reading("City-7", 1, 1.0)), List.of());
        List<WeatherReading> batch = new ArrayList<>();
        for (int city = 0; city < 1000; city++) {
            batch.add(reading("City-" + city, 2, 1.0));
            if (city % 10 == 0) {
                batch.add(reading("City-" + city, 3, 2.0));
            }
        }

        counts.count(batch, List.of());

        List<ReadingCount> counted = counts.counts();
        assertThat(counted).hasSize(1000);
        assertThat(counted.stream().mapToLong(ReadingCount::count).sum()).isEqualTo(1 + batch.size());
        assertThat(counted).contains(new ReadingCount("test", "City-7", 2), new ReadingCount("test", "City-10", 2),
                new ReadingCount("test", "City-11", 1));
    }

    @Test
    void anUnreachableRedisFailsTheCountAtOnce() {
        try (LettuceReadingCounts counts = new LettuceReadingCounts("redis://127.0.0.1:1", key)) {
            assertThatThrownBy(() -> counts.count(List.of(reading("Oslo", 1, 1.0)), List.of()))
                    .isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void aBlankKeyIsRefused() {
        assertThatThrownBy(() -> new LettuceReadingCounts(TestRedis.uri(), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
    }
}
