package io.weathersync.app.slave;

import io.weathersync.runtime.Launcher;
import io.weathersync.runtime.Lifecycle;
import io.weathersync.runtime.NodeConfig;
import io.weathersync.runtime.NodeProgram;
import io.weathersync.runtime.Setting;
import io.weathersync.runtime.Settings;

import java.util.List;

/** The slave's entry point: {@code java -jar app-slave.jar [--config FILE.yaml]}. */
public final class SlaveMain implements NodeProgram<SlaveConfig> {

    /** Runs the slave until SIGTERM; exits 2 on a bad option or configuration (e.g. no CASCADE_PARENT_URL). */
    public static void main(String[] args) {
        Launcher.main(new SlaveMain(), args);
    }

    @Override
    public String name() {
        return "app-slave";
    }

    @Override
    public String description() {
        return "A weather-sync slave: keeps a complete replica of its master's readings (live over Redis or\n"
                + "HTTP push, repaired by catch-up pulls) and serves the same read API on its own.";
    }

    @Override
    public List<Setting> settings() {
        return SlaveSettings.all();
    }

    @Override
    public SlaveConfig configure(Settings settings) {
        return SlaveSettings.read(settings);
    }

    @Override
    public NodeConfig node(SlaveConfig config) {
        return config.node();
    }

    @Override
    public void start(SlaveConfig config, Lifecycle lifecycle) throws Exception {
        SlaveNode.start(config, lifecycle);
    }
}
