package io.weathersync.adapter.http.client;

/**
 * What the master's push did for one slave so far.
 *
 * @param sent    changes the slave accepted
 * @param failed  POST attempts that failed (unreachable, timeout, non-2xx)
 * @param dropped changes given up on: queue full, refused by the slave with a 4xx, or rejected one by one in its
 *                200
 * @param queued  changes waiting now
 */
public record PushCounters(long sent, long failed, long dropped, int queued) {
}
