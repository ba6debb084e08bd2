/**
 * How a node runs, shared by app-master and app-slave: {@link io.weathersync.runtime.Launcher} is the
 * {@code main} (command line, settings from YAML and the environment, logging, start, clean stop on SIGTERM),
 * {@link io.weathersync.runtime.Lifecycle} what a running node holds open, and
 * {@link io.weathersync.runtime.PeriodicTask} its schedules, with {@link io.weathersync.runtime.Backoff} while a
 * peer is away. A module of its own, outside the adapters: the apps use it, no adapter does.
 */
package io.weathersync.runtime;
