package io.weathersync.app.master;

import io.weathersync.runtime.Launcher;
import io.weathersync.runtime.Lifecycle;
import io.weathersync.runtime.NodeConfig;
import io.weathersync.runtime.NodeProgram;
import io.weathersync.runtime.Setting;
import io.weathersync.runtime.Settings;

import java.util.Arrays;
import java.util.List;

/** The master's entry point: {@code java -jar app-master.jar [--config FILE.yaml]}, or {@code restore --from …}. */
public final class MasterMain implements NodeProgram<MasterConfig> {

    /**
     * Runs the master until SIGTERM; exits 2 on a bad option or configuration. {@code restore …} instead rebuilds
     * a lost master's store from its slaves ({@link RestoreCommand}) and exits.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("restore")) {
            System.exit(RestoreCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out,
                    System.err));
            return;
        }
        Launcher.main(new MasterMain(), args);
    }

    @Override
    public String name() {
        return "app-master";
    }

    @Override
    public String description() {
        return "The weather-sync master: polls a weather source for its cities, stores every change in its\n"
                + "change log and broadcasts it to the slaves (Redis Pub/Sub, or HTTP push without Redis).";
    }

    @Override
    public List<Setting> settings() {
        return MasterSettings.all();
    }

    @Override
    public MasterConfig configure(Settings settings) {
        return MasterSettings.read(settings);
    }

    @Override
    public NodeConfig node(MasterConfig config) {
        return config.node();
    }

    @Override
    public void start(MasterConfig config, Lifecycle lifecycle) throws Exception {
        MasterNode.start(config, lifecycle);
    }
}
