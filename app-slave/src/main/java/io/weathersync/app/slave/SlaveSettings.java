package io.weathersync.app.slave;

import io.weathersync.runtime.NodeSettings;
import io.weathersync.runtime.OpsSettings;
import io.weathersync.runtime.ProtectionSettings;
import io.weathersync.runtime.Setting;
import io.weathersync.runtime.Settings;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The slave's settings: DESIGN's table for the slave, with its YAML keys and defaults. */
final class SlaveSettings {

    static final NodeSettings NODE = NodeSettings.withDefaults(8081, "./data/slave");
    static final Setting CASCADE_PARENT_URL = Setting.derived("cascade.parent_url", "CASCADE_PARENT_URL",
            "none, required", "the master's URL (http://host:8080); with standby masters on one database, a comma "
                    + "list of their URLs (the slave follows whichever answers)");
    static final Setting CASCADE_API_KEY = Setting.derived("cascade.api_key", "CASCADE_API_KEY", "none, required",
            "this slave's API key (CN...), issued by the master");
    static final Setting CASCADE_API_SECRET = Setting.secret("cascade.api_secret", "CASCADE_API_SECRET",
            "this slave's API secret (CS...), issued by the master; required");
    static final Setting CASCADE_SYNC_INTERVAL = Setting.of("cascade.sync_interval", "CASCADE_SYNC_INTERVAL", "60",
            "between anti-entropy checks against the master's head");
    static final Setting CASCADE_HEARTBEAT_INTERVAL = Setting.of("cascade.heartbeat_interval",
            "CASCADE_HEARTBEAT_INTERVAL", "15", "between heartbeats to the master");

    static final Setting ADMIN_TOKEN = Setting.secret("admin.token", "ADMIN_TOKEN",
            "bearer token of this slave's admin endpoints: the sync request it forwards to the master, follow a new "
                    + "stream, the full export for a master restore (unset = they answer 403)");
    static final Setting CASCADE_FOLLOW_NEW_STREAM = Setting.of("cascade.follow_new_stream",
            "CASCADE_FOLLOW_NEW_STREAM", "false", "true = follow a new master stream even when it holds fewer "
                    + "readings than this replica (dropping them); false = keep them and report diverged");

    static final Setting REPLICATION_QUEUE_MB = Setting.of("replication.queue_mb", "REPLICATION_QUEUE_MB", "32",
            "MiB of live changes (pushed bodies, Redis messages) waiting for the replication thread at most; beyond, "
                    + "deliveries are dropped, counted and repaired by catch-up");

    /** As the master issues them: a prefix and 32 letters or digits. */
    private static final Pattern KEY = Pattern.compile("CN[A-Za-z0-9]{32}");
    private static final Pattern SECRET = Pattern.compile("CS[A-Za-z0-9]{32}");

    private SlaveSettings() {
    }

    static List<Setting> all() {
        List<Setting> all = new ArrayList<>(NODE.all());
        all.addAll(List.of(CASCADE_PARENT_URL, CASCADE_API_KEY, CASCADE_API_SECRET, CASCADE_SYNC_INTERVAL,
                CASCADE_HEARTBEAT_INTERVAL, ADMIN_TOKEN, CASCADE_FOLLOW_NEW_STREAM, REPLICATION_QUEUE_MB));
        all.addAll(OpsSettings.all());
        all.addAll(ProtectionSettings.all());
        return List.copyOf(all);
    }

    /** Reads and checks every setting; the first bad one is named in the exception. */
    static SlaveConfig read(Settings settings) {
        settings.required(CASCADE_PARENT_URL);
        List<URI> parents = settings.httpUrls(CASCADE_PARENT_URL);
        String key = settings.required(CASCADE_API_KEY);
        if (!KEY.matcher(key).matches()) {
            throw settings.invalid(CASCADE_API_KEY, "must be CN followed by 32 letters or digits, as the master "
                    + "issued it");
        }
        String secret = settings.required(CASCADE_API_SECRET);
        if (!SECRET.matcher(secret).matches()) {
            throw settings.invalid(CASCADE_API_SECRET, "must be CS followed by 32 letters or digits, as the "
                    + "master issued it");
        }
        return new SlaveConfig(NODE.read(settings), parents, key, secret, settings.duration(CASCADE_SYNC_INTERVAL),
                settings.duration(CASCADE_HEARTBEAT_INTERVAL), settings.text(ADMIN_TOKEN).filter(t -> !t.isBlank()),
                followNewStream(settings), settings.whole(REPLICATION_QUEUE_MB, 1), OpsSettings.read(settings),
                ProtectionSettings.read(settings));
    }

    private static boolean followNewStream(Settings settings) {
        return switch (settings.required(CASCADE_FOLLOW_NEW_STREAM).strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw settings.invalid(CASCADE_FOLLOW_NEW_STREAM, "must be true or false");
        };
    }
}
