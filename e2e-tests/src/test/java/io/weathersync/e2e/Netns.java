package io.weathersync.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Linux network namespaces of one test run: a hub namespace holding a bridge, and one namespace per host, each
 * linked to the bridge by a veth pair ({@code eth0} inside, the peer in the hub), on 10.211.15.0/24. No device is
 * put in the root namespace. Faults are nftables rules on a host's {@code eth0} (this kernel has no
 * {@code sch_netem}): a cut drops every packet in and out, a lossy link drops a share of the packets going out.
 *
 * <p>Names are {@code ws-<pid>-<random>-<host>}: {@link #close} and a JVM shutdown hook delete this run's, and
 * {@link #create} first deletes those of runs whose JVM is gone (and ends the processes left inside them).
 */
final class Netns implements AutoCloseable {

    static final String PREFIX = "ws-";
    private static final String SUBNET = "10.211.15.";

    private final String runPrefix;
    private final String hub;
    private final Map<String, String> hosts = new LinkedHashMap<>();
    private final Thread hook;
    private boolean closed;

    private Netns(String runPrefix) {
        this.runPrefix = runPrefix;
        this.hub = runPrefix + "hub";
        this.hook = new Thread(this::deleteAll, "e2e-netns-reaper");
    }

    /**
     * Deletes stale namespaces of earlier runs, then creates the hub; fails (never skips) with a clear message when
     * this machine does not let the test create namespaces.
     */
    static Netns create() {
        sweepStale();
        String prefix = PREFIX + ProcessHandle.current().pid() + "-"
                + HexFormat.of().formatHex(new SecureRandom().generateSeed(3)) + "-";
        Netns netns = new Netns(prefix);
        Runtime.getRuntime().addShutdownHook(netns.hook);
        try {
            netns.ip("netns", "add", netns.hub);
        } catch (AssertionError e) {
            netns.close();
            throw new AssertionError("this test needs Linux network namespaces and nftables as root ('ip netns add'"
                    + " and 'nft' must work; run it as root on Linux): " + e.getMessage(), e);
        }
        netns.ip("-n", netns.hub, "link", "set", "lo", "up");
        netns.ip("-n", netns.hub, "link", "add", "name", "br0", "type", "bridge");
        netns.ip("-n", netns.hub, "link", "set", "br0", "up");
        return netns;
    }

    /** Adds host {@code name} (its namespace, its veth into the hub, address {@code 10.211.15.N}); its address. */
    synchronized String addHost(String name) {
        String namespace = runPrefix + name;
        String address = SUBNET + (10 + hosts.size());
        String peer = "v" + name;
        ip("netns", "add", namespace);
        hosts.put(name, namespace);
        ip("-n", namespace, "link", "set", "lo", "up");
        ip("-n", hub, "link", "add", "name", peer, "type", "veth", "peer", "name", "eth0", "netns", namespace);
        ip("-n", hub, "link", "set", peer, "master", "br0");
        ip("-n", hub, "link", "set", peer, "up");
        ip("-n", namespace, "addr", "add", address + "/24", "dev", "eth0");
        ip("-n", namespace, "link", "set", "eth0", "up");
        return address;
    }

    /** The namespace of host {@code name}. */
    String namespace(String name) {
        String namespace = hosts.get(name);
        if (namespace == null) {
            throw new IllegalArgumentException("no host " + name);
        }
        return namespace;
    }

    /** The command prefix that runs a program inside host {@code name}'s namespace. */
    List<String> exec(String name) {
        return List.of("ip", "netns", "exec", namespace(name));
    }

    /** Cuts host {@code name} off the network: every packet in or out of its {@code eth0} is dropped. */
    void cut(String name) {
        rules(name, "iifname \"eth0\" drop", "oifname \"eth0\" drop");
    }

    /** Drops {@code percent}% of the packets host {@code name} sends (at random, packet by packet). */
    void lossy(String name, int percent) {
        rules(name, null, "oifname \"eth0\" numgen random mod 100 < " + percent + " drop");
    }

    /** Removes every fault of host {@code name}. */
    void heal(String name) {
        nft(name, "table inet ws_fault\ndelete table inet ws_fault\n");
    }

    private void rules(String name, String in, String out) {
        StringBuilder script = new StringBuilder("table inet ws_fault\ndelete table inet ws_fault\n"
                + "table inet ws_fault {\n");
        script.append("  chain in { type filter hook input priority 0; ").append(in == null ? "" : in + "; ")
                .append("}\n");
        script.append("  chain out { type filter hook output priority 0; ").append(out).append("; }\n}\n");
        nft(name, script.toString());
    }

    private void nft(String name, String script) {
        List<String> command = new ArrayList<>(exec(name));
        command.addAll(List.of("nft", "-f", "-"));
        run(command, script);
    }

    /** Deletes every namespace of this run (processes still inside keep theirs until they end). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        deleteAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs anyway.
        }
    }

    private void deleteAll() {
        for (String namespace : list()) {
            if (namespace.startsWith(runPrefix)) {
                delete(namespace);
            }
        }
    }

    /** This machine's namespaces of any run of this test. */
    static List<String> list() {
        String out = run(List.of("ip", "netns", "list"), null);
        List<String> names = new ArrayList<>();
        for (String line : out.split("\n")) {
            String name = line.trim().split("\\s+")[0];
            if (name.startsWith(PREFIX)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Deletes the namespaces whose creating JVM has ended, first ending what still runs inside them. */
    private static void sweepStale() {
        for (String namespace : list()) {
            String[] parts = namespace.split("-");
            if (parts.length < 3 || !parts[1].chars().allMatch(Character::isDigit)) {
                continue;
            }
            if (ProcessHandle.of(Long.parseLong(parts[1])).isPresent()) {
                continue;
            }
            System.out.println("[e2e] deleting stale namespace " + namespace + " of an earlier run");
            delete(namespace);
        }
    }

    private static void delete(String namespace) {
        try {
            String pids = run(List.of("ip", "netns", "pids", namespace), null);
            for (String pid : pids.split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            run(List.of("ip", "netns", "delete", namespace), null);
        } catch (AssertionError e) {
            System.out.println("[e2e] could not delete namespace " + namespace + ": " + e.getMessage());
        }
    }

    private void ip(String... args) {
        List<String> command = new ArrayList<>();
        command.add("ip");
        command.addAll(List.of(args));
        run(command, null);
    }

    /** Runs {@code command} (bounded, 30 s) with {@code stdin}; its output; fails with it on a non-zero exit. */
    static String run(List<String> command, String stdin) {
        try {
            Path output = Files.createTempFile("ws-cmd-", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                Process process = builder.start();
                try (var in = process.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " still ran after 30 s");
                }
                String text = Files.readString(output);
                if (process.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ": "
                            + text.strip());
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return runPrefix + "*";
    }
}
