package io.weathersync.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's traces for the work no request causes, on real processes (HTTP push transport, H2,
 * {@code LOG_FORMAT=json}, {@code LOG_LEVEL=debug}, the simulated source polled every 2 s): each cycle of a background loop is a trace of its
 * own, and the node-to-node calls it makes carry it, so the master and the slave log one trace id for a poll cycle
 * and the live push of its changes, a heartbeat, and a periodic catch-up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracedLoopsIT {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private final Path out = Path.of(System.getProperty("e2e.outputDir", "target")).resolve("traced-loops");
    private Cluster cluster;
    private NodeProcess master;
    private NodeProcess slave;

    @BeforeAll
    void start() {
        cluster = Cluster.start(Topology.HTTP_H2, out, 1);
        master = cluster.master();
        slave = cluster.slaves().getFirst().process();
        for (NodeProcess node : List.of(slave, master)) {
            node.stop(Cluster.STOP_BOUND);
            node.putEnv(Map.of("LOG_FORMAT", "json", "LOG_LEVEL", "debug", "NODE_NAME", node.name()));
        }
        master.putEnv(Map.of("WEATHER_POLL_INTERVAL", "2"));
        master.start(Cluster.START_BOUND);
        slave.start(Cluster.START_BOUND);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aPollCycleAndTheLivePushOfItsChangesShareOneTrace() throws InterruptedException {
        String trace = awaitSharedTrace("poll: ", "live push from the master");
        awaitTracesOf(master, "poll: ", 3);
        System.out.println("[traces] poll cycle and its push: " + trace);
    }

    @Test
    void aHeartbeatSharesOneTraceOnTheSlaveAndTheMaster() throws InterruptedException {
        String trace = awaitSharedTrace("heartbeat of slave slave-1", "heartbeat: the master is at head");
        awaitTracesOf(slave, "heartbeat: the master is at head", 3);
        System.out.println("[traces] heartbeat: " + trace);
    }

    @Test
    void aPeriodicCatchUpRunsOnTheReplicationThreadInTheTraceOfItsCycle() throws InterruptedException {
        String trace = awaitSharedTrace("catch-up page for slave slave-1", "catch-up: a page of");
        System.out.println("[traces] catch-up: " + trace);
    }

    /**
     * Waits until the master logged a line containing {@code onMaster} and the slave one containing {@code onSlave}
     * with the same trace id; returns the pair.
     */
    private String awaitSharedTrace(String onMaster, String onSlave) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, JsonNode> masterLines = byTrace(master, onMaster);
            Optional<JsonNode> shared = lines(slave).stream()
                    .filter(l -> l.path("message").asText().contains(onSlave)
                            && masterLines.containsKey(l.path("trace_id").asText()))
                    .findFirst();
            if (shared.isPresent()) {
                JsonNode masterLine = masterLines.get(shared.get().path("trace_id").asText());
                assertThat(masterLine.path("node").asText()).isEqualTo("master");
                assertThat(shared.get().path("node").asText()).isEqualTo("slave-1");
                return "\n  master: " + masterLine + "\n  slave:  " + shared.get();
            }
            Thread.sleep(250);
        }
        cluster.printLogTails(30);
        throw new AssertionError("no trace id in both a master line with '" + onMaster + "' and a slave line with '"
                + onSlave + "' within " + BOUND.toSeconds() + " s");
    }

    /** Waits until {@code node} logged lines containing {@code message} in {@code count} different traces. */
    private void awaitTracesOf(NodeProcess node, String message, int count) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (traces(node, message).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(traces(node, message)).as("a trace per cycle: '" + message + "' on " + node.name())
                .hasSizeGreaterThanOrEqualTo(count);
    }

    private static Map<String, JsonNode> byTrace(NodeProcess node, String message) {
        Map<String, JsonNode> traced = new HashMap<>();
        for (JsonNode line : lines(node)) {
            if (line.path("message").asText().contains(message) && line.hasNonNull("trace_id")) {
                traced.putIfAbsent(line.get("trace_id").asText(), line);
            }
        }
        return traced;
    }

    private static Set<String> traces(NodeProcess node, String message) {
        return new TreeSet<>(byTrace(node, message).keySet());
    }

    private static List<JsonNode> lines(NodeProcess node) {
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(node.log().path())) {
                if (line.startsWith("{") && line.endsWith("}")) {   // not a line the node is still writing
                    try {
                        lines.add(JsonHttp.MAPPER.readTree(line));
                    } catch (JsonProcessingException e) {
                        // cut off mid-write: read again at the next poll
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
