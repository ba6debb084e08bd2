package io.weathersync.app.slave;

import io.weathersync.runtime.ConfigException;
import io.weathersync.runtime.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaveSettingsTest {

    static final String KEY = "CN" + "a".repeat(32);
    static final String SECRET = "CS" + "b".repeat(32);

    @TempDir
    Path dir;

    @Test
    void withItsCredentialsTheSlaveRunsOnDesignDefaults() {
        SlaveConfig config = read(cascade());

        assertThat(config.node().port()).isEqualTo(8081);
        assertThat(config.node().dataDir()).isEqualTo(Path.of("./data/slave"));
        assertThat(config.node().dbUrl()).endsWith("/data/slave/weather");
        assertThat(config.parentUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(config.apiKey()).isEqualTo(KEY);
        assertThat(config.apiSecret()).isEqualTo(SECRET);
        assertThat(config.syncInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.offlineAfter()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.queueBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(config.toString()).doesNotContain(SECRET);
    }

    @Test
    void theReplicationQueueIsBoundedInMebibytesOfAtLeastOne() {
        Map<String, String> env = cascade();
        env.put("REPLICATION_QUEUE_MB", "8");

        assertThat(read(env).queueBytes()).isEqualTo(8L * 1024 * 1024);
        env.put("REPLICATION_QUEUE_MB", "0");
        assertThatThrownBy(() -> read(env)).hasMessageContaining("REPLICATION_QUEUE_MB")
                .hasMessageContaining("at least 1");
    }

    @Test
    void aPemCertificateNeedsItsKeyAndNotAKeystoreBeside() throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Path key = Files.writeString(dir.resolve("key.pem"), "x");
        Map<String, String> env = cascade();
        env.put("SERVER_TLS_CERT", cert.toString());

        assertThatThrownBy(() -> read(env)).hasMessageContaining("SERVER_TLS_CERT and SERVER_TLS_KEY go together");
        env.put("SERVER_TLS_KEY", key.toString());
        assertThat(read(env).protection().tlsKey()).contains(key);
        env.put("SERVER_TLS_KEYSTORE", key.toString());
        assertThatThrownBy(() -> read(env)).hasMessageContaining("not both");
    }

    @Test
    void eachCascadeSettingIsRequired() {
        for (String name : new String[] {"CASCADE_PARENT_URL", "CASCADE_API_KEY", "CASCADE_API_SECRET"}) {
            Map<String, String> env = cascade();
            env.remove(name);
            assertThatThrownBy(() -> read(env)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(name + " is required");
        }
    }

    @Test
    void malformedCascadeSettingsAreRefusedWithoutEchoingTheSecret() {
        Map<String, String> url = cascade();
        url.put("CASCADE_PARENT_URL", "master:8080");
        Map<String, String> key = cascade();
        key.put("CASCADE_API_KEY", "XX123");
        Map<String, String> secret = cascade();
        secret.put("CASCADE_API_SECRET", "CSshort");

        assertThatThrownBy(() -> read(url)).hasMessageContaining("CASCADE_PARENT_URL").hasMessageContaining("http://");
        assertThatThrownBy(() -> read(key)).hasMessageContaining("CASCADE_API_KEY").hasMessageContaining("CN followed");
        assertThatThrownBy(() -> read(secret)).hasMessageStartingWith("CASCADE_API_SECRET (from the environment)")
                .hasMessageNotContaining("CSshort");
    }

    @Test
    void intervalsComeFromTheFileOrTheEnvironment() throws IOException {
        Path yaml = Files.writeString(dir.resolve("s.yaml"), """
                cascade:
                  parent_url: http://master:8080/
                  sync_interval: 5m
                  heartbeat_interval: 10
                """);
        Map<String, String> env = cascade();
        env.remove("CASCADE_PARENT_URL");
        env.put("CASCADE_HEARTBEAT_INTERVAL", "20s");

        SlaveConfig config = SlaveSettings.read(Settings.load(Optional.of(yaml), env, SlaveSettings.all()));

        assertThat(config.parentUrl()).isEqualTo(URI.create("http://master:8080"));
        assertThat(config.syncInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aCommaListNamesTheMasterAndItsStandbysEachChecked() {
        Map<String, String> env = cascade();
        env.put("CASCADE_PARENT_URL", "http://a:8080, http://b:8080/");

        assertThat(read(env).parentUrls()).containsExactly(URI.create("http://a:8080"), URI.create("http://b:8080"));
        assertThat(read(env).parentUrl()).isEqualTo(URI.create("http://a:8080"));
        env.put("CASCADE_PARENT_URL", "http://a:8080,b:8080");
        assertThatThrownBy(() -> read(env)).hasMessageContaining("CASCADE_PARENT_URL").hasMessageContaining("http://");
    }

    @Test
    void theSecretInTheFileIsRefused() throws IOException {
        Path yaml = Files.writeString(dir.resolve("s.yaml"), "cascade:\n  api_secret: " + SECRET + "\n");

        assertThatThrownBy(() -> Settings.load(Optional.of(yaml), cascade(), SlaveSettings.all()))
                .hasMessageContaining("cascade.api_secret").hasMessageContaining("CASCADE_API_SECRET")
                .hasMessageNotContaining(SECRET);
    }

    static Map<String, String> cascade() {
        Map<String, String> env = new HashMap<>();
        env.put("CASCADE_PARENT_URL", "http://127.0.0.1:8080");
        env.put("CASCADE_API_KEY", KEY);
        env.put("CASCADE_API_SECRET", SECRET);
        return env;
    }

    private static SlaveConfig read(Map<String, String> env) {
        return SlaveSettings.read(Settings.load(Optional.empty(), env, SlaveSettings.all()));
    }
}
