package io.weathersync.app.master;

import io.weathersync.adapter.http.weather.KnownCities;
import io.weathersync.adapter.http.weather.OpenMeteoWeatherSource;
import io.weathersync.adapter.http.weather.OpenWeatherMapWeatherSource;
import io.weathersync.domain.model.CitySpec;
import io.weathersync.runtime.NodeSettings;
import io.weathersync.runtime.OpsSettings;
import io.weathersync.runtime.ProtectionSettings;
import io.weathersync.runtime.Setting;
import io.weathersync.runtime.Settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The master's settings: DESIGN's table for the master, with its YAML keys and defaults. */
final class MasterSettings {

    static final NodeSettings NODE = NodeSettings.withDefaults(8080, "./data/master");
    static final Setting WEATHER_SOURCE = Setting.of("weather.source", "WEATHER_SOURCE", "open-meteo",
            "weather source: " + SourceKind.names());
    static final Setting WEATHER_CITIES = Setting.derived("weather.cities", "WEATHER_CITIES",
            "built-in list of " + KnownCities.all().size() + " major cities",
            "comma list of names or name@lat,lon (a YAML list works too)");
    static final Setting WEATHER_POLL_INTERVAL = Setting.derived("weather.poll_interval", "WEATHER_POLL_INTERVAL",
            "derived: 60 s, or longer when the cities need it to stay within the source's free tier",
            "pause between poll cycles");
    static final Setting OPEN_METEO_URL = Setting.of("weather.open_meteo_url", "OPEN_METEO_URL",
            OpenMeteoWeatherSource.DEFAULT_URL, "Open-Meteo base URL");
    static final Setting OPENWEATHERMAP_URL = Setting.of("weather.openweathermap_url", "OPENWEATHERMAP_URL",
            OpenWeatherMapWeatherSource.DEFAULT_URL, "OpenWeatherMap base URL");
    static final Setting OPENWEATHERMAP_API_KEY = Setting.secret("weather.openweathermap_api_key",
            "OPENWEATHERMAP_API_KEY", "OpenWeatherMap API key (required by WEATHER_SOURCE=openweathermap)");
    static final Setting ADMIN_TOKEN = Setting.secret("admin.token", "ADMIN_TOKEN",
            "bearer token of the admin endpoints (unset = they answer 403)");
    static final Setting CASCADE_OFFLINE_AFTER = Setting.of("cascade.offline_after", "CASCADE_OFFLINE_AFTER", "45",
            "silence after which a slave is offline (3 x the slaves' default 15 s heartbeat)");

    static final Setting SYNC_LOG_MAX_AGE = Setting.of("cascade.sync_log_max_age", "SYNC_LOG_MAX_AGE", "720h",
            "sync log entries older than this (30 days) are pruned");
    static final Setting SYNC_LOG_MAX_ROWS = Setting.of("cascade.sync_log_max_rows", "SYNC_LOG_MAX_ROWS", "100000",
            "the sync log keeps at most this many newest entries");
    static final Setting MASTER_LEASE_TIME = Setting.derived("master.lease_time", "MASTER_LEASE_TIME",
            "unset = a single master, no lease", "with several masters on one MySQL/MariaDB database: how long the "
                    + "active master's lease lasts; a standby takes over when it lapses");
    static final Setting MASTER_LEASE_RENEW = Setting.of("master.lease_renew", "MASTER_LEASE_RENEW", "1",
            "between lease renewals of the active master (and lease checks of a standby); below the lease time");

    private MasterSettings() {
    }

    static List<Setting> all() {
        List<Setting> all = new ArrayList<>(NODE.all());
        all.addAll(List.of(WEATHER_SOURCE, WEATHER_CITIES, WEATHER_POLL_INTERVAL, OPEN_METEO_URL, OPENWEATHERMAP_URL,
                OPENWEATHERMAP_API_KEY, ADMIN_TOKEN, CASCADE_OFFLINE_AFTER, SYNC_LOG_MAX_AGE, SYNC_LOG_MAX_ROWS,
                MASTER_LEASE_TIME, MASTER_LEASE_RENEW));
        all.addAll(OpsSettings.all());
        all.addAll(ProtectionSettings.all());
        return List.copyOf(all);
    }

    /** Reads and checks every setting; the first bad one is named in the exception. */
    static MasterConfig read(Settings settings) {
        SourceKind source = SourceKind.of(settings.required(WEATHER_SOURCE)).orElseThrow(() ->
                settings.invalid(WEATHER_SOURCE, "unknown weather source; use one of " + SourceKind.names()));
        Optional<Duration> interval = settings.text(WEATHER_POLL_INTERVAL).map(set -> settings.duration(WEATHER_POLL_INTERVAL));
        return new MasterConfig(NODE.read(settings), source, cities(settings), interval,
                settings.httpUrl(OPEN_METEO_URL).orElseThrow(), settings.httpUrl(OPENWEATHERMAP_URL).orElseThrow(),
                settings.text(OPENWEATHERMAP_API_KEY), settings.text(ADMIN_TOKEN),
                settings.duration(CASCADE_OFFLINE_AFTER), OpsSettings.read(settings), ProtectionSettings.read(settings),
                settings.duration(SYNC_LOG_MAX_AGE), syncLogMaxRows(settings), lease(settings));
    }

    private static int syncLogMaxRows(Settings settings) {
        try {
            int rows = Integer.parseInt(settings.required(SYNC_LOG_MAX_ROWS).strip());
            if (rows >= 1) {
                return rows;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw settings.invalid(SYNC_LOG_MAX_ROWS, "must be a whole number of at least 1");
    }

    private static Optional<LeaseSettings> lease(Settings settings) {
        if (settings.text(MASTER_LEASE_TIME).isEmpty()) {
            return Optional.empty();
        }
        Duration time = settings.duration(MASTER_LEASE_TIME);
        Duration renew = settings.duration(MASTER_LEASE_RENEW);
        if (renew.compareTo(time) >= 0) {
            throw settings.invalid(MASTER_LEASE_RENEW, "must be shorter than MASTER_LEASE_TIME (" + time.toSeconds()
                    + " s), or the lease lapses between renewals");
        }
        return Optional.of(new LeaseSettings(time, renew));
    }

    private static List<CitySpec> cities(Settings settings) {
        Optional<String> text = settings.text(WEATHER_CITIES);
        if (text.isEmpty()) {
            return KnownCities.all();
        }
        try {
            return CityList.parse(text.get());
        } catch (IllegalArgumentException e) {
            throw settings.invalid(WEATHER_CITIES, e.getMessage());
        }
    }
}
