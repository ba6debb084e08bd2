package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryChangeBus;
import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.application.port.in.PublishResult;
import io.weathersync.application.port.out.ChangeListener;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.message.ChangeVerifier;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.weathersync.testing.TestReadings.T0;
import static io.weathersync.testing.TestReadings.exact;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Posted readings: all validated before any is stored, then stored and broadcast. */
class PublishReadingsServiceTest {

    private static final Instant NOW = T0.plus(Duration.ofHours(2));

    private final InMemoryChangeLog log = new InMemoryChangeLog();
    private final InMemoryChangeBus bus = new InMemoryChangeBus();
    private final List<SignedChange> published = new CopyOnWriteArrayList<>();
    private final PublishReadingsService service =
            new PublishReadingsService(log, bus, Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void listen() {
        bus.subscriber().start(new ChangeListener() {
            @Override
            public void onConnected() {
            }

            @Override
            public void onChanges(List<SignedChange> changes) {
                published.addAll(changes);
            }

            @Override
            public void onRejected(RejectedMessage rejection) {
            }
        });
    }

    private static List<WeatherReading> readings(int count) {
        List<WeatherReading> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readings.add(reading("City " + i, 0, i % 50));
        }
        return readings;
    }

    @Test
    void aValidBatchIsStoredAndEveryChangeBroadcast() {
        PublishResult result = service.publish(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2)));

        assertThat(result).isEqualTo(new PublishResult(2, 2, 1, 2));
        assertThat(log.head()).isEqualTo(2);
        assertThat(published).extracting(s -> s.change().seq()).containsExactly(1L, 2L);
        assertThat(published).allSatisfy(s -> assertThat(s.sig()).isNull());
    }

    @Test
    void republishingTheSameReadingsStoresAndBroadcastsNothing() {
        service.publish(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2)));
        published.clear();

        PublishResult result = service.publish(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2)));

        assertThat(result).isEqualTo(new PublishResult(2, 0, 0, 0));
        assertThat(published).isEmpty();
        assertThat(log.head()).isEqualTo(2);
    }

    @Test
    void onlyTheCorrectionIsBroadcast() {
        service.publish(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2)));
        published.clear();

        PublishResult result = service.publish(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2.5)));

        assertThat(result).isEqualTo(new PublishResult(2, 1, 3, 3));
        assertThat(published).extracting(s -> exact(s.change().reading()))
                .containsExactly(exact(reading("Bergen", 0, 2.5)));
    }

    @Test
    void oneReadingTooFarInTheFutureStoresNothingAndTheMessageSaysWhichIndex() {
        List<WeatherReading> batch = List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2),
                reading("Rome", NOW.plus(Duration.ofHours(1)).plusMillis(1), 3), reading("Paris", 0, 4));

        assertThatThrownBy(() -> service.publish(batch))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("readings[2].timestamp: must not be more than 60 minutes in the future");
        assertThat(log.head()).isZero();
        assertThat(log.latestAll()).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void aReadingExactlyAnHourAheadIsAccepted() {
        PublishResult result = service.publish(List.of(reading("Rome", NOW.plus(Duration.ofHours(1)), 3)));

        assertThat(result.changes()).isEqualTo(1);
    }

    @Test
    void theLargestBatchIsAccepted() {
        assertThat(service.publish(readings(PublishReadingsService.MAX_BATCH)).changes()).isEqualTo(1000);
    }

    @Test
    void aBatchOverTheLimitIsRejectedAndStoresNothing() {
        assertThatThrownBy(() -> service.publish(readings(PublishReadingsService.MAX_BATCH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("readings: at most 1000 per request, was 1001");
        assertThat(log.head()).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void anEmptyBatchDoesNothing() {
        assertThat(service.publish(List.of())).isEqualTo(new PublishResult(0, 0, 0, 0));
        assertThat(published).isEmpty();
    }

    @Test
    void withASignerEveryBroadcastChangeCarriesAValidSignature() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PublishReadingsService signing = new PublishReadingsService(log, bus,
                Optional.of(new ChangeSigner(keys.getPrivate())), Clock.fixed(NOW, ZoneOffset.UTC));

        signing.publish(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2)));

        ChangeVerifier verifier = new ChangeVerifier(keys.getPublic());
        assertThat(published).hasSize(2);
        for (SignedChange signed : published) {
            assertThat(signed.sig()).isNotNull();
            assertThatCode(() -> verifier.verify(signed)).doesNotThrowAnyException();
        }
    }
}
