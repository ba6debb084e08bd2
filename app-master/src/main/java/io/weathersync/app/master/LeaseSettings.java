package io.weathersync.app.master;

import java.time.Duration;

/**
 * The master lease's timing, when several masters share one database.
 *
 * @param time  how long a lease lasts without renewal: the takeover bound after the active master stops
 * @param renew between renewals (and a standby's checks)
 */
record LeaseSettings(Duration time, Duration renew) {
}
