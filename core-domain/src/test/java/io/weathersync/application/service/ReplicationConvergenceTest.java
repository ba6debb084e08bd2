package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryMasterClient;
import io.weathersync.adapter.memory.InMemoryReplica;
import io.weathersync.application.port.out.HeartbeatReply;
import io.weathersync.application.port.out.MasterClient;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.message.SignatureCheck;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.ReadingKey;
import io.weathersync.domain.model.ReadingRange;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Randomized convergence: a master produces {@value #CHANGES} changes (new readings, corrections, re-polls and
 * re-spellings) in random batches; a simulated bus drops, duplicates and reorders what it carries to two
 * replicas, and their master goes away now and then. After a final anti-entropy catch-up both replicas hold
 * exactly the master's data. A failure names its seed; {@code -Dconvergence.seed=N} replays one seed.
 *
 * <p>Signatures are accepted unchecked: signing is tested on its own, and Ed25519 is too slow for millions.
 */
class ReplicationConvergenceTest {

    private static final int SEEDS = 100;
    private static final int CHANGES = 10_000;
    private static final int REPLICAS = 2;
    private static final double DROP = 0.10;
    private static final double DUPLICATE = 0.10;
    private static final int WINDOW = 20;
    private static final double OUTAGE_START = 0.004;
    private static final int PAGE_SIZE = 100;
    private static final int BUFFER = 64;
    private static final double FLAKY = 0.05;
    private static final SignatureCheck ACCEPT_ALL = signed -> { };
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final Logger REPLICATION_LOG = Logger.getLogger(ReplicationServices.class.getPackageName());
    private static final Totals TOTALS = new Totals();
    private static Level previousLevel;
    private static long started;

    @BeforeAll
    static void quietTheExpectedWarnings() {
        previousLevel = REPLICATION_LOG.getLevel();
        REPLICATION_LOG.setLevel(Level.OFF);
        started = System.nanoTime();
    }

    @AfterAll
    static void report() {
        REPLICATION_LOG.setLevel(previousLevel);
        System.out.println("convergence: " + TOTALS + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    static LongStream seeds() {
        String one = System.getProperty("convergence.seed", "").strip();
        return one.isEmpty() ? LongStream.rangeClosed(1, SEEDS) : LongStream.of(Long.parseLong(one));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void replicasConvergeOnTheMasterDespiteLossDuplicationReorderingAndOutages(long seed) {
        Run run = new Run(seed);
        try {
            run.execute();
        } catch (Throwable failure) {
            throw new AssertionError("seed " + seed + " failed (replay with -Dconvergence.seed=" + seed + "): "
                    + failure.getMessage(), failure);
        }
        TOTALS.add(run);
    }

    /** One seed's world: the master, its readings generator, and the replicas with their lossy links. */
    private static final class Run {
        private final long seed;
        private final Random random;
        private final InMemoryChangeLog master = new InMemoryChangeLog();
        private final Generator generator;
        private final List<Link> links = new ArrayList<>();

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            this.generator = new Generator(new Random(random.nextLong()));
            for (int i = 0; i < REPLICAS; i++) {
                links.add(new Link("replica " + (i + 1), master, new Random(random.nextLong())));
            }
        }

        void execute() {
            long checkedAt = 0;
            while (master.head() < CHANGES) {
                int room = (int) Math.min(40, CHANGES - master.head());
                List<Change> changes = master.append(generator.batch(1 + random.nextInt(room)));
                List<SignedChange> published = changes.stream().map(c -> new SignedChange(c, null)).toList();
                for (Link link : links) {
                    link.weather();
                    if (!published.isEmpty()) {
                        link.carry(published);
                    }
                    link.deliverOverflow(master.head());
                }
                if (master.head() - checkedAt >= 2_000) {
                    checkedAt = master.head();
                    for (Link link : links) {
                        link.checkIfCaughtUp(master);
                    }
                }
            }
            for (Link link : links) {
                link.flush(master.head());
                link.finalAntiEntropy();
            }
            Digest expected = master.digest();
            for (Link link : links) {
                assertThat(link.replica.digest()).as("%s digest (seed %d)", link.name, seed).isEqualTo(expected);
                assertThat(link.service.progress().stats().buffered()).as("%s buffer", link.name).isZero();
            }
            assertThat(expected.appliedSeq()).isEqualTo(CHANGES);
        }
    }

    /** Makes readings: mostly new observations, some corrections, re-polls of stored ones and re-spellings. */
    private static final class Generator {
        private static final int CITIES = 40;
        private final Random random;
        private final int[] nextMinute = new int[CITIES];
        private final Map<ReadingKey, WeatherReading> current = new HashMap<>();
        private final List<ReadingKey> keys = new ArrayList<>();

        Generator(Random random) {
            this.random = random;
        }

        List<WeatherReading> batch(int size) {
            List<WeatherReading> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                double kind = random.nextDouble();
                WeatherReading reading;
                if (keys.isEmpty() || kind < 0.65) {
                    int city = random.nextInt(CITIES);
                    nextMinute[city] += 1 + random.nextInt(3);
                    reading = fresh(new City("City-" + city), Instant.parse("2026-01-01T00:00:00Z")
                            .plus(Duration.ofMinutes(nextMinute[city])));
                } else {
                    WeatherReading stored = current.get(keys.get(random.nextInt(keys.size())));
                    if (kind < 0.85) {
                        reading = corrected(stored);
                    } else if (kind < 0.95) {
                        reading = stored;
                    } else {
                        reading = respelt(stored);
                    }
                }
                if (current.put(reading.key(), reading) == null) {
                    keys.add(reading.key());
                }
                batch.add(reading);
            }
            return batch;
        }

        private WeatherReading fresh(City city, Instant at) {
            boolean extras = random.nextBoolean();
            return new WeatherReading(city, at, tenths(-40, 45), random.nextInt(101),
                    extras ? tenths(950, 1050) : null, extras ? tenths(0, 30) : null,
                    extras ? (double) random.nextInt(361) : null, extras ? tenths(0, 20) : null,
                    extras ? random.nextInt(100) : null, extras ? "open-meteo" : "simulated");
        }

        private WeatherReading corrected(WeatherReading r) {
            double temp = r.temperature() + (random.nextBoolean() ? 0.1 : -0.1) * (1 + random.nextInt(30));
            return new WeatherReading(r.city(), r.observedAt(), Math.max(-100, Math.min(70, temp)), r.humidity(),
                    r.pressure(), r.windSpeed(), r.windDirection(), r.precipitation(), r.weatherCode(), r.source());
        }

        private WeatherReading respelt(WeatherReading r) {
            String name = r.city().name();
            String other = name.equals(name.toUpperCase()) ? name.toLowerCase() : name.toUpperCase();
            return new WeatherReading(new City(other), r.observedAt(), r.temperature(), r.humidity(), r.pressure(),
                    r.windSpeed(), r.windDirection(), r.precipitation(), r.weatherCode(), r.source());
        }

        private double tenths(int min, int max) {
            return (min * 10 + random.nextInt((max - min) * 10 + 1)) / 10.0;
        }
    }

    /** One replica and the lossy, reordering link that feeds it, with its own master outages. */
    private static final class Link {
        private final String name;
        private final Random random;
        private final InMemoryReplica replica = new InMemoryReplica();
        private final InMemoryMasterClient client;
        private final CountingMaster counting;
        private final ReplicationServices service;
        private final List<List<SignedChange>> inFlight = new ArrayList<>();
        private int outageLeft;
        private long lastApplied;
        long sent;
        long dropped;
        long duplicated;
        long outages;

        Link(String name, InMemoryChangeLog master, Random random) {
            this.name = name;
            this.random = random;
            this.client = new InMemoryMasterClient(master, null);
            this.counting = new CountingMaster(client, new Random(random.nextLong()));
            this.service = ReplicationServices.of(replica, counting, ACCEPT_ALL, CLOCK, PAGE_SIZE, BUFFER);
        }

        /** Starts or ends an outage of this replica's master. */
        void weather() {
            if (outageLeft > 0) {
                if (--outageLeft == 0) {
                    client.reachable(true);
                }
            } else if (random.nextDouble() < OUTAGE_START) {
                outageLeft = 20 + random.nextInt(200);
                outages++;
                client.reachable(false);
            }
        }

        /** Puts a published batch on the wire: as one message or one per change, each maybe lost or doubled. */
        void carry(List<SignedChange> published) {
            List<List<SignedChange>> messages = random.nextBoolean()
                    ? List.of(published)
                    : published.stream().map(List::of).toList();
            for (List<SignedChange> message : messages) {
                sent++;
                if (random.nextDouble() < DROP) {
                    dropped++;
                    continue;
                }
                inFlight.add(message);
                if (random.nextDouble() < DUPLICATE) {
                    duplicated++;
                    inFlight.add(random.nextInt(inFlight.size() + 1), message);
                }
            }
        }

        /** Delivers random messages of the window until it holds at most {@link #WINDOW}, sometimes one more. */
        void deliverOverflow(long masterHead) {
            while (inFlight.size() > WINDOW || (!inFlight.isEmpty() && random.nextDouble() < 0.3)) {
                deliver(inFlight.remove(random.nextInt(inFlight.size())), masterHead);
            }
        }

        void flush(long masterHead) {
            while (!inFlight.isEmpty()) {
                deliver(inFlight.remove(random.nextInt(inFlight.size())), masterHead);
            }
        }

        private void deliver(List<SignedChange> message, long masterHead) {
            counting.receiving();
            service.live().receive(message);
            long applied = replica.state().appliedSeq();
            assertThat(applied).as("%s applied seq never falls back", name).isGreaterThanOrEqualTo(lastApplied);
            assertThat(applied).as("%s applied seq never passes the master's head", name)
                    .isLessThanOrEqualTo(masterHead);
            lastApplied = applied;
        }

        /** When this replica happens to be level with the master, its data must already be identical. */
        void checkIfCaughtUp(InMemoryChangeLog master) {
            if (replica.state().appliedSeq() == master.head()) {
                assertThat(replica.digest()).as("%s digest while level with the master", name)
                        .isEqualTo(master.digest());
            }
        }

        void finalAntiEntropy() {
            outageLeft = 0;
            client.reachable(true);
            counting.flakyAllowed = false;
            counting.receiving();
            assertThat(service.catchUp().tryCatchUp()).as("%s final catch-up", name).isTrue();
        }
    }

    /**
     * Counts the catch-ups a replica starts (the first page request after each trigger) and the failed ones, and
     * now and then loses the connection between two pages of one catch-up.
     */
    private static final class CountingMaster implements MasterClient {
        private final MasterClient delegate;
        private final Random random;
        private boolean fresh;
        boolean flakyAllowed = true;
        long flaky;
        long catchUps;
        long failedCatchUps;
        long pages;

        CountingMaster(MasterClient delegate, Random random) {
            this.delegate = delegate;
            this.random = random;
        }

        void receiving() {
            fresh = true;
        }

        @Override
        public ChangePage changesAfter(long after, int limit) {
            boolean first = fresh;
            fresh = false;
            if (first) {
                catchUps++;
            }
            if (!first && flakyAllowed && random.nextDouble() < FLAKY) {
                flaky++;
                throw new MasterUnavailableException("connection lost in the middle of a catch-up");
            }
            try {
                ChangePage page = delegate.changesAfter(after, limit);
                pages++;
                return page;
            } catch (MasterUnavailableException e) {
                if (first) {
                    failedCatchUps++;
                }
                throw e;
            }
        }

        @Override
        public HeartbeatReply heartbeat(Heartbeat heartbeat) {
            return delegate.heartbeat(heartbeat);
        }

        @Override
        public void reportResult(SyncLogEntry entry) {
            delegate.reportResult(entry);
        }

        @Override
        public SyncOutcome requestSync(String slaveName, Optional<ReadingRange> repair) {
            return delegate.requestSync(slaveName, repair);
        }
    }

    /** What all seeds did, for the report. */
    private static final class Totals {
        private final AtomicLong seeds = new AtomicLong();
        private final AtomicLong changes = new AtomicLong();
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong duplicated = new AtomicLong();
        private final AtomicLong outages = new AtomicLong();
        private final AtomicLong catchUps = new AtomicLong();
        private final AtomicLong failedCatchUps = new AtomicLong();
        private final AtomicLong pages = new AtomicLong();
        private final AtomicLong flaky = new AtomicLong();
        private final AtomicLong gaps = new AtomicLong();
        private final AtomicLong duplicates = new AtomicLong();

        void add(Run run) {
            seeds.incrementAndGet();
            changes.addAndGet(run.master.head());
            for (Link link : run.links) {
                sent.addAndGet(link.sent);
                dropped.addAndGet(link.dropped);
                duplicated.addAndGet(link.duplicated);
                outages.addAndGet(link.outages);
                catchUps.addAndGet(link.counting.catchUps);
                failedCatchUps.addAndGet(link.counting.failedCatchUps);
                pages.addAndGet(link.counting.pages);
                flaky.addAndGet(link.counting.flaky);
                gaps.addAndGet(link.service.progress().stats().gaps());
                duplicates.addAndGet(link.service.progress().stats().duplicates());
            }
        }

        @Override
        public String toString() {
            return seeds + " seeds, " + changes + " changes, " + REPLICAS + " replicas each; messages sent " + sent
                    + ", dropped " + dropped + ", duplicated " + duplicated + "; master outages " + outages
                    + "; catch-ups " + catchUps + " (" + failedCatchUps + " failed, master down), pages pulled "
                    + pages + ", connections lost mid-catch-up " + flaky + "; live gaps " + gaps
                    + ", duplicates ignored " + duplicates;
        }
    }
}
