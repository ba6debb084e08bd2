package io.weathersync.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DbUrlRuleTest {

    private static final NodeSettings NODE = NodeSettings.withDefaults(8080, "./data/master");

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://db:3306/weather", "jdbc:mysql://127.0.0.1:3306/test?user=root",
            "jdbc:h2:file:/var/lib/weather/weather", "jdbc:h2:mem:test"})
    void urlsOfTheDriversTheNodesCarryAreAccepted(String url) {
        assertThat(DbUrlRule.accepts(url)).isTrue();
        assertThat(config(url).dbUrl()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres://x", "jdbc:postgresql://db/weather?password=hunter2",
            "jdbc:mariadb://db:3306/weather?password=hunter2", "jdbc:sqlite:/tmp/w.db", "mysql://db:3306/weather",
            "JDBC:MYSQL://db/weather", "jdbc:", ""})
    void anyOtherUrlIsRefusedTheSameWayByTheSettingsAndByTheRecordWithoutEchoingIt(String url) {
        assertThat(DbUrlRule.accepts(url)).isFalse();
        Settings settings = Settings.load(Optional.empty(), Map.of("DB_URL", url), NODE.all());

        if (!url.isEmpty()) {
            // An empty variable counts as unset, so the settings fall back to the H2 default.
            assertThatThrownBy(() -> NODE.read(settings)).isInstanceOf(ConfigException.class)
                    .hasMessage("DB_URL (db.url): " + DbUrlRule.REQUIREMENT);
        }
        assertThatThrownBy(() -> config(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("db_url: " + DbUrlRule.REQUIREMENT);
    }

    @Test
    void theMessageShowsBothAcceptedFormsAndNeverTheRefusedValue() {
        String url = "jdbc:postgresql://db/weather?user=ws&password=hunter2";
        Settings settings = Settings.load(Optional.empty(), Map.of("DB_URL", url), NODE.all());

        assertThatThrownBy(() -> NODE.read(settings)).message()
                .contains("jdbc:mysql://", "jdbc:h2:").doesNotContain("hunter2").doesNotContain("postgresql");
    }

    private static NodeConfig config(String url) {
        return new NodeConfig("127.0.0.1", 0, Path.of("data"), url, "", Optional.empty(), Optional.empty(),
                "weather:readings");
    }
}
