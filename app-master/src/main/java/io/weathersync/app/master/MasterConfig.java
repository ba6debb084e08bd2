package io.weathersync.app.master;

import io.weathersync.domain.model.CitySpec;
import io.weathersync.runtime.NodeConfig;
import io.weathersync.runtime.OpsConfig;
import io.weathersync.runtime.ProtectionConfig;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The master's validated configuration.
 *
 * @param node               server, data directory, database, Redis
 * @param source             where readings come from
 * @param cities             what is polled
 * @param pollInterval       the pause between the end of one poll cycle and the start of the next; empty = derived
 *                           from the cities and the source's free tier
 * @param openMeteoUrl       Open-Meteo's base URL
 * @param openWeatherMapUrl  OpenWeatherMap's base URL
 * @param openWeatherMapKey  OpenWeatherMap's key (secret), required by that source
 * @param adminToken         the admin endpoints' bearer token (secret); empty = they answer 403
 * @param offlineAfter       silence after which a slave is shown offline
 * @param ops                metrics, tracing, the counters' Redis key, readiness
 * @param protection         timeouts, connection cap, CORS origins, rate limits
 * @param syncLogMaxAge      sync log entries older than this are pruned
 * @param syncLogMaxRows     the sync log keeps at most this many entries
 * @param lease              the master lease, when several masters share one database; empty = a single master
 */
record MasterConfig(NodeConfig node, SourceKind source, List<CitySpec> cities, Optional<Duration> pollInterval,
                    URI openMeteoUrl, URI openWeatherMapUrl, Optional<String> openWeatherMapKey,
                    Optional<String> adminToken, Duration offlineAfter, OpsConfig ops, ProtectionConfig protection,
                    Duration syncLogMaxAge, int syncLogMaxRows, Optional<LeaseSettings> lease) {

    /** Checks that the parts fit together. */
    MasterConfig {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ops, "ops");
        Objects.requireNonNull(protection, "protection");
        cities = List.copyOf(cities);
        if (cities.isEmpty()) {
            throw new IllegalArgumentException("WEATHER_CITIES: must name at least one city");
        }
        Objects.requireNonNull(pollInterval, "pollInterval");
        pollInterval.ifPresent(interval -> positive("WEATHER_POLL_INTERVAL", interval));
        positive("CASCADE_OFFLINE_AFTER", offlineAfter);
        Objects.requireNonNull(openMeteoUrl, "openMeteoUrl");
        Objects.requireNonNull(openWeatherMapUrl, "openWeatherMapUrl");
        Objects.requireNonNull(openWeatherMapKey, "openWeatherMapKey");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(lease, "lease");
        if (source == SourceKind.OPENWEATHERMAP && openWeatherMapKey.isEmpty()) {
            throw new IllegalArgumentException(
                    "OPENWEATHERMAP_API_KEY is required when WEATHER_SOURCE=openweathermap (environment only)");
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + ": must be a positive duration");
        }
    }

    /** Never shows a secret. */
    @Override
    public String toString() {
        return "MasterConfig[" + node + ", source=" + source.id() + ", cities=" + cities.size()
                + ", pollInterval=" + pollInterval.map(Duration::toString).orElse("derived") + ", openMeteoUrl="
                + openMeteoUrl + ", openWeatherMapUrl="
                + openWeatherMapUrl + ", openWeatherMapKey=" + (openWeatherMapKey.isPresent() ? "***" : "none")
                + ", adminToken=" + (adminToken.isPresent() ? "***" : "none") + ", offlineAfter=" + offlineAfter + ", lease=" + lease.map(Object::toString).orElse("none") + "]";
    }
}
