package io.weathersync.e2e;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Sends POSIX signals by pid with {@code kill}, so the signal is exactly the one named (9, STOP, CONT, TERM). */
final class Signals {

    private Signals() {
    }

    /** {@code kill -SIGNAL pid}; fails when kill does (e.g. no such process). */
    static void send(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes()).strip();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -" + signal + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending " + signal + " to " + pid, e);
        }
    }
}
