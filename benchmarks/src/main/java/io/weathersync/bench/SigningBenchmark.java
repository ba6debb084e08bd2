package io.weathersync.bench;

import io.weathersync.domain.message.ChangeMessage;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.KeyPairGenerator;
import java.time.Instant;

/** JMH: the per-change CPU cost on the master's publish path: signing (Ed25519) and the message map. */
@State(Scope.Benchmark)
public class SigningBenchmark {

    private ChangeSigner signer;
    private Change change;

    @Setup
    public void setUp() throws Exception {
        signer = new ChangeSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        change = new Change(StreamId.random(), 42, WeatherReading.of(new City("Beijing"),
                Instant.parse("2026-11-23T10:00:00Z"), 26.5, 65, "bench"));
    }

    @Benchmark
    public String signChange() {
        return signer.sign(change);
    }

    @Benchmark
    public Object messageMap() {
        return ChangeMessage.toFields(change, "sig");
    }
}
