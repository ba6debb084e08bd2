package io.weathersync.e2e;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every child process the e2e tests start, so that none outlives the test JVM: the fixtures stop them in
 * {@code @AfterEach}/{@code @AfterAll}, and a JVM shutdown hook SIGKILLs whatever is left as a last resort.
 */
final class StartedProcesses {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(StartedProcesses::killAll, "e2e-process-reaper"));
    }

    private StartedProcesses() {
    }

    /** Remembers {@code process} until {@link #forget} (or the JVM's end, which kills it). */
    static Process register(Process process) {
        RUNNING.add(process);
        return process;
    }

    /** The process has ended and was waited for. */
    static void forget(Process process) {
        RUNNING.remove(process);
    }

    /** How many are still registered (a fixture's {@code @AfterAll} can assert none leaked). */
    static int count() {
        RUNNING.removeIf(p -> !p.isAlive());
        return RUNNING.size();
    }

    private static void killAll() {
        for (Process process : RUNNING) {
            // A SIGSTOPped process ignores SIGTERM until continued, but not SIGKILL.
            process.destroyForcibly();
        }
    }
}
