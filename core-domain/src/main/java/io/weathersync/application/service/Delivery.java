package io.weathersync.application.service;

import io.weathersync.domain.message.SignedChange;

import java.util.List;

/**
 * Work for the replication thread: live changes (applied together with the ones queued beside them), or a task
 * that runs on its own.
 *
 * @param what    for log lines
 * @param changes the live changes, or {@code null} for a task
 * @param task    the task, or {@code null} for live changes
 */
record Delivery(String what, List<SignedChange> changes, Runnable task) {

    static Delivery live(List<SignedChange> changes) {
        return new Delivery("live changes", changes, null);
    }

    static Delivery task(String what, Runnable task) {
        return new Delivery(what, null, task);
    }
}
