package io.weathersync.application.port.in;

/** The master's poll schedule as the console shows it: what is polled, how often, what it costs, what it did. */
public interface ReportPollUseCase {

    /** The schedule and its last completed cycle. */
    PollStatus pollStatus();
}
