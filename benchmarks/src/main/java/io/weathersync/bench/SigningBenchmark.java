package io.weathersync.bench;

import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.message.ChangeVerifier;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.wire.ChangeJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

/**
 * JMH: the per-change CPU cost of signing on the master's publish path and of checking on a slave: one Ed25519
 * signature per change against one per batch of 1,000 (Merkle root + audit paths), and writing the message.
 */
@State(Scope.Benchmark)
public class SigningBenchmark {

    private static final int BATCH = 1000;
    private static final ChangeJson JSON = new ChangeJson();
    private ChangeSigner signer;
    private KeyPair keys;
    private Change change;
    private List<Change> batch;
    private List<SignedChange> signedBatch;

    @Setup
    public void setUp() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        signer = new ChangeSigner(keys.getPrivate());
        StreamId stream = StreamId.random();
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        change = new Change(stream, 42, WeatherReading.of(new City("Beijing"), at, 26.5, 65, "bench"));
        batch = LongStream.range(0, BATCH).mapToObj(i -> new Change(stream, 100 + i,
                WeatherReading.of(new City("city-" + i), at, 26.5, 65, "bench"))).toList();
        signedBatch = signer.sign(batch);
    }

    @Benchmark
    public String signOneChange() {
        return signer.sign(change);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<SignedChange> signBatchPerChange() {
        return signer.sign(batch);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public ChangeVerifier verifyBatchPerChange() {
        ChangeVerifier verifier = new ChangeVerifier(keys.getPublic());
        signedBatch.forEach(verifier::verify);
        return verifier;
    }

    @Benchmark
    public byte[] messageBytes() {
        return JSON.toJsonBytes(new SignedChange(change, "sig"));
    }
}
