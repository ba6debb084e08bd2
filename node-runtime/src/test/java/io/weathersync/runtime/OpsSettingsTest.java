package io.weathersync.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operations settings: defaults, environment overrides, and a bad value named in one line. */
class OpsSettingsTest {

    private static OpsConfig read(Map<String, String> env) {
        return OpsSettings.read(Settings.load(Optional.empty(), env, OpsSettings.all()));
    }

    @Test
    void defaultsTurnEverythingOn() {
        assertThat(read(Map.of())).isEqualTo(new OpsConfig(true, true, "weather:metrics", Duration.ofSeconds(120)));
    }

    @Test
    void theEnvironmentOverridesEach() {
        assertThat(read(Map.of("METRICS_ENABLED", "false", "TRACING_ENABLED", "FALSE",
                "REDIS_METRICS_KEY", "site-a:metrics", "READY_MAX_LAG", "5m")))
                .isEqualTo(new OpsConfig(false, false, "site-a:metrics", Duration.ofMinutes(5)));
    }

    @Test
    void aFlagThatIsNeitherTrueNorFalseIsNamed() {
        assertThatThrownBy(() -> read(Map.of("METRICS_ENABLED", "yes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("METRICS_ENABLED")
                .hasMessageContaining("true or false");
    }

    @Test
    void aBadLagIsNamed() {
        assertThatThrownBy(() -> read(Map.of("READY_MAX_LAG", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("READY_MAX_LAG");
    }
}
