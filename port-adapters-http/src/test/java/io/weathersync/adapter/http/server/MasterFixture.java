package io.weathersync.adapter.http.server;

import io.weathersync.adapter.memory.InMemoryChangeBus;
import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryNodeRegistry;
import io.weathersync.application.port.out.PushFailedException;
import io.weathersync.application.port.out.SlavePush;
import io.weathersync.application.service.MasterStatusService;
import io.weathersync.application.service.NodeRegistryService;
import io.weathersync.application.service.PublishReadingsService;
import io.weathersync.application.service.QueryWeatherService;
import io.weathersync.application.service.ServeChangesService;
import io.weathersync.application.service.SlaveSyncService;
import io.weathersync.domain.cluster.IssuedCredential;
import io.weathersync.domain.cluster.MasterIdentity;
import io.weathersync.domain.cluster.NewNode;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.ProbeResult;
import io.weathersync.domain.cluster.SecretHasher;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncLogQuery;
import io.weathersync.domain.cluster.SyncLogRecord;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.status.StatusAggregator;
import io.weathersync.testing.MutableClock;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A master of in-memory adapters and the real core services, as the HTTP tests run it. */
final class MasterFixture {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    static final Duration OFFLINE_AFTER = Duration.ofSeconds(45);
    /** Small, so that a requested sync of a few readings takes several pages. */
    static final int PAGE_SIZE = 3;
    private static final SlavePush NO_PUSH = (url, push) -> {
        throw new PushFailedException("this fixture pushes to no slave");
    };

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryChangeLog log = new InMemoryChangeLog();
    final InMemoryNodeRegistry registry = new InMemoryNodeRegistry();
    final List<String> probedUrls = new CopyOnWriteArrayList<>();
    final KeyPair keys = ed25519();
    final String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    final NodeRegistryService nodes = new NodeRegistryService(registry, new SecretHasher(new SecureRandom()),
            (url, key, secret) -> {
                probedUrls.add(url);
                return new ProbeResult(true, 7, "slave", "");
            }, clock, OFFLINE_AFTER);
    final MasterStatusService status = new MasterStatusService(registry, log,
            new MasterIdentity("master", "127.0.0.1", 8080, NOW.minusSeconds(3600), 3), publicKey,
            new StatusAggregator(clock, OFFLINE_AFTER), clock, Optional::empty);

    MasterApi.Dependencies deps(Optional<String> adminToken, AuthThrottle throttle, List<HealthCheck> health) {
        return deps(adminToken, throttle, health, NO_PUSH);
    }

    MasterApi.Dependencies deps(Optional<String> adminToken, AuthThrottle throttle, List<HealthCheck> health,
                                SlavePush push) {
        ChangeSigner signer = new ChangeSigner(keys.getPrivate());
        return new MasterApi.Dependencies(new QueryWeatherService(log),
                new PublishReadingsService(log, new InMemoryChangeBus(), Optional.of(signer), clock),
                new ServeChangesService(log), new SlaveSyncService(log, registry, push, signer, clock, PAGE_SIZE),
                status, status, MasterApi.Registry.of(nodes), adminToken, health, throttle, clock);
    }

    /** The standard wiring: admin token set, a throttle generous enough for many failing tests. */
    MasterApi.Dependencies deps() {
        return deps(NO_PUSH);
    }

    /** The standard wiring, pushing requested syncs with {@code push}. */
    MasterApi.Dependencies deps(SlavePush push) {
        return deps(Optional.of(ADMIN_TOKEN), new AuthThrottle(1000, Duration.ofMinutes(1), clock),
                List.of(HealthCheck.of("store", () -> true), HealthCheck.notConfigured("redis")), push);
    }

    /** A registered, enabled slave with fresh credentials. */
    IssuedCredential slave(String name) {
        Node node = nodes.register(new NewNode(NodeType.CHILD, name, "", "http://" + name + ".local:8081"));
        return nodes.issue(node.id()).orElseThrow();
    }

    /** The sync log entries of one node, or of all, newest first (at most 200). */
    List<SyncLogEntry> syncLog(Optional<String> nodeId) {
        return nodes.read(new SyncLogQuery(nodeId, Optional.empty(), SyncLogQuery.MAX_LIMIT, 0)).records().stream()
                .map(SyncLogRecord::entry).toList();
    }

    static String akSk(IssuedCredential credential) {
        return "AK-SK " + credential.apiKey() + ":" + credential.apiSecret();
    }

    static String bearer() {
        return "Bearer " + ADMIN_TOKEN;
    }

    /** {@code count} hourly readings of {@code city}, the last one an hour before {@link #NOW}. */
    static List<WeatherReading> hourly(String city, int count) {
        List<WeatherReading> readings = new ArrayList<>();
        for (int i = count; i >= 1; i--) {
            readings.add(WeatherReading.of(new City(city), NOW.minus(Duration.ofHours(i)), 10 + i % 7, 50 + i % 30,
                    "open-meteo"));
        }
        return readings;
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
