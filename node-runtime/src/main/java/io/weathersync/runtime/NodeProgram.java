package io.weathersync.runtime;

import java.util.List;

/**
 * A node as {@link Launcher} runs it: its settings table, how it turns settings into its validated config,
 * and how it starts with that config.
 *
 * @param <C> the node's config record
 */
public interface NodeProgram<C> {

    /** The program's name, as in {@code java -jar NAME.jar}. */
    String name();

    /** A sentence or two for {@code --help}. */
    String description();

    /** Every setting, in {@code --help} order. */
    List<Setting> settings();

    /**
     * The validated config.
     *
     * @throws ConfigException naming the first bad setting
     */
    C configure(Settings settings);

    /** The settings every node shares, from its config: the launcher names them when a start fails. */
    NodeConfig node(C config);

    /**
     * Builds and starts the node, registering with {@code lifecycle} everything to close at stop (in the order
     * opened: it is closed in reverse) and calling {@link Lifecycle#listening} once the server accepts calls.
     */
    void start(C config, Lifecycle lifecycle) throws Exception;
}
