package io.weathersync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.e2e.Ledger.Ack;
import io.weathersync.e2e.Ledger.Key;
import io.weathersync.e2e.Ledger.Value;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A client that posts a steady stream of readings to the master's {@code POST /api/publish} (by default a batch of
 * 20 over 50 cities every 100 ms, a quarter of them corrections of readings already acknowledged) and remembers
 * every reading the master acknowledged with 200, and every one whose fate is unknown (the request failed, e.g.
 * because the master was killed mid-batch: it may or may not have been committed).
 */
final class Writer implements AutoCloseable {

    static final String SOURCE = "e2e";

    private final Supplier<String> masterUrl;
    private final String authorization;
    private final List<String> cities;
    private final int batchSize;
    private final Duration every;
    private final Instant base = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
    private final Random random = new Random(42);
    private final int[] nextMinute;

    private final Ledger ledger = new Ledger();
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private final AtomicLong changesAcked = new AtomicLong();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean corrections = true;
    private Thread thread;

    Writer(Supplier<String> masterUrl, String adminToken, int cityCount, int batchSize, Duration every) {
        this.masterUrl = masterUrl;
        this.authorization = "Bearer " + adminToken;
        this.cities = new ArrayList<>();
        for (int i = 1; i <= cityCount; i++) {
            cities.add(String.format("E2E-City-%02d", i));
        }
        this.nextMinute = new int[cityCount];
        this.batchSize = batchSize;
        this.every = every;
    }

    /**
     * From now on every reading is a new one, never a correction: each acknowledged change is then a row of its
     * own, so the store's row count must equal its head (what the crash soak checks after each restart).
     */
    Writer newReadingsOnly() {
        corrections = false;
        return this;
    }

    List<String> cities() {
        return List.copyOf(cities);
    }

    /** The earliest observation time written. */
    Instant base() {
        return base;
    }

    /** Starts (or resumes) the steady stream on a background thread. */
    synchronized void start() {
        if (running.getAndSet(true)) {
            return;
        }
        thread = new Thread(this::run, "e2e-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the stream after the batch in flight has its answer (or failed). */
    void stop() {
        Thread running;
        synchronized (this) {
            this.running.set(false);
            running = thread;
        }
        if (running != null) {
            try {
                running.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void run() {
        long next = System.nanoTime();
        while (running.get()) {
            writeBatch();
            next += every.toNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
    }

    /**
     * Posts one batch now and returns whether the master acknowledged it; what it wrote is remembered either way.
     */
    boolean writeBatch() {
        Map<Key, Value> batch = nextBatch();
        List<Map<String, Object>> body = new ArrayList<>();
        batch.forEach((key, value) -> {
            Map<String, Object> reading = new LinkedHashMap<>();
            reading.put("city", key.city());
            reading.put("timestamp", key.timestamp().toString());
            reading.put("temp", value.temp());
            reading.put("humidity", value.humidity());
            reading.put("pressure", value.pressure());
            reading.put("source", SOURCE);
            body.add(reading);
        });
        inFlight.set(true);
        try {
            JsonHttp.Reply reply = JsonHttp.post(masterUrl.get() + "/api/publish", authorization, body,
                    Duration.ofSeconds(10));
            if (reply.status() == 200 && "success".equals(reply.body().path("result").asText())) {
                acknowledged(batch, reply.body());
                return true;
            }
            failed(batch, "HTTP " + reply.status() + " " + abbreviate(reply.body().toString()));
        } catch (RuntimeException e) {
            failed(batch, e.getClass().getSimpleName() + ": " + abbreviate(String.valueOf(e.getMessage()))
                    .replaceAll(":\\d{2,5}/", ":PORT/"));
        } finally {
            inFlight.set(false);
        }
        return false;
    }

    private synchronized Map<Key, Value> nextBatch() {
        Map<Key, Value> batch = new LinkedHashMap<>();
        while (batch.size() < batchSize) {
            Map.Entry<Key, Value> old = corrections && random.nextInt(4) == 0
                    ? ledger.randomAcknowledged(random) : null;
            if (old != null) {
                double temp = round(-30 + random.nextInt(700) / 10.0);
                batch.putIfAbsent(old.getKey(), new Value(temp == old.getValue().temp() ? round(temp + 0.1) : temp,
                        random.nextInt(101), old.getValue().pressure()));
            } else {
                int city = random.nextInt(cities.size());
                Key key = new Key(cities.get(city), base.plus(Duration.ofMinutes(nextMinute[city]++)));
                batch.put(key, new Value(round(-30 + random.nextInt(700) / 10.0), random.nextInt(101),
                        round(950 + random.nextInt(1000) / 10.0)));
            }
        }
        return batch;
    }

    private synchronized void acknowledged(Map<Key, Value> batch, JsonNode reply) {
        long changes = reply.path("changes").asLong();
        ledger.acknowledged(batch, new Ack(reply.path("first_seq").asLong(), reply.path("last_seq").asLong(), changes));
        changesAcked.addAndGet(changes);
        if (reply.path("accepted").asLong() != batch.size()) {
            failures.merge("accepted " + reply.path("accepted") + " of " + batch.size() + ": " + reply, 1, Integer::sum);
        }
    }

    private synchronized void failed(Map<Key, Value> batch, String why) {
        ledger.unknown(batch);
        failures.merge(why, 1, Integer::sum);
    }

    /** Waits (bounded) until a batch is on its way to the master, to strike mid-batch. */
    boolean awaitInFlight(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (inFlight.get()) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    /** Forgets everything written so far: the master's store was replaced by an empty one. */
    void forgetAll() {
        ledger.clear();
    }

    long changesAcked() {
        return changesAcked.get();
    }

    /** Why batches failed, with counts (connection refused while the master is down is expected there). */
    synchronized Map<String, Integer> failures() {
        return new LinkedHashMap<>(failures);
    }

    synchronized void clearFailures() {
        failures.clear();
    }

    /** Every reading acknowledged and what the store may hold for it (the acked value or a later unknown one). */
    Map<Key, Set<Value>> expected() {
        return ledger.expected();
    }

    /** How many distinct readings were acknowledged so far (a position for {@link #expectedSince}). */
    int acknowledgedCount() {
        return ledger.acknowledgedCount();
    }

    /** Like {@link #expected}, for the readings first acknowledged at or after position {@code from}. */
    Map<Key, Set<Value>> expectedSince(int from) {
        return ledger.expectedSince(from);
    }

    /** The seq ranges of the acknowledged batches, in the order acknowledged. */
    List<Ack> acks() {
        return ledger.acks();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
