package io.weathersync.application.service;

import io.weathersync.domain.message.SignedChange;

import java.util.List;

/**
 * Work for the replication thread: live changes (applied together with the ones queued beside them), or a task
 * that runs on its own.
 *
 * @param what    for log lines
 * @param changes the live changes, or {@code null} for a task
 * @param bytes   what the live changes count as in a queue bounded in bytes (0 for a task)
 * @param task    the task, or {@code null} for live changes
 */
record Delivery(String what, List<SignedChange> changes, long bytes, Runnable task) {

    static Delivery live(List<SignedChange> changes, long bytes) {
        return new Delivery("live changes", changes, bytes, null);
    }

    static Delivery task(String what, Runnable task) {
        return new Delivery(what, null, 0, task);
    }
}
