package io.weathersync.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What the master acknowledged to the {@link Writer} with 200 (reading values, and each batch's seq range), and
 * what it may or may not have stored: the values of requests that failed without an answer.
 */
final class Ledger {

    /** A reading's identity (DESIGN "Identity and dedup"). */
    record Key(String city, Instant timestamp) {
    }

    /** What a reading says. */
    record Value(double temp, int humidity, double pressure) {
    }

    /** The seq range one acknowledged batch was given. */
    record Ack(long firstSeq, long lastSeq, long changes) {
    }

    private final Map<Key, Value> acked = new HashMap<>();
    private final List<Key> ackedKeys = new ArrayList<>();
    private final Map<Key, Set<Value>> uncertain = new HashMap<>();
    private final List<Ack> acks = new ArrayList<>();

    /** The master answered 200: these values are stored, superseding any unknown outcome before. */
    synchronized void acknowledged(Map<Key, Value> batch, Ack ack) {
        batch.forEach((key, value) -> {
            if (acked.put(key, value) == null) {
                ackedKeys.add(key);
            }
            uncertain.remove(key);
        });
        if (ack.changes() > 0) {
            acks.add(ack);
        }
    }

    /** The request failed without an answer: the master may or may not have stored these values. */
    synchronized void unknown(Map<Key, Value> batch) {
        batch.forEach((key, value) -> uncertain.computeIfAbsent(key, k -> new HashSet<>()).add(value));
    }

    /** A random acknowledged reading, to correct it; null when there is none yet. */
    synchronized Map.Entry<Key, Value> randomAcknowledged(Random random) {
        if (ackedKeys.isEmpty()) {
            return null;
        }
        Key key = ackedKeys.get(random.nextInt(ackedKeys.size()));
        return Map.entry(key, acked.get(key));
    }

    /** Forgets everything: the master's store was replaced by an empty one. */
    synchronized void clear() {
        acked.clear();
        ackedKeys.clear();
        uncertain.clear();
        acks.clear();
    }

    /** Every acknowledged reading and what the store may hold for it (the acked value or a later unknown one). */
    synchronized Map<Key, Set<Value>> expected() {
        Map<Key, Set<Value>> expected = new HashMap<>();
        acked.forEach((key, value) -> {
            Set<Value> allowed = new HashSet<>(uncertain.getOrDefault(key, Set.of()));
            allowed.add(value);
            expected.put(key, allowed);
        });
        return expected;
    }

    /** How many distinct readings were acknowledged so far. */
    synchronized int acknowledgedCount() {
        return ackedKeys.size();
    }

    /** Like {@link #expected}, for the readings first acknowledged at or after position {@code from}. */
    synchronized Map<Key, Set<Value>> expectedSince(int from) {
        Map<Key, Set<Value>> expected = new HashMap<>();
        for (Key key : ackedKeys.subList(Math.min(from, ackedKeys.size()), ackedKeys.size())) {
            Set<Value> allowed = new HashSet<>(uncertain.getOrDefault(key, Set.of()));
            allowed.add(acked.get(key));
            expected.put(key, allowed);
        }
        return expected;
    }

    /** The seq ranges of the acknowledged batches, in the order acknowledged. */
    synchronized List<Ack> acks() {
        return List.copyOf(acks);
    }
}
