package io.weathersync.application.port.in;

/** A slave pulls what it lacks from the master until it is complete through the master's head. */
public interface CatchUpUseCase {

    /**
     * Catches up (fully resyncing when the master's stream changed).
     *
     * @return how many changes were applied
     * @throws io.weathersync.application.port.out.MasterUnavailableException when the master cannot be reached
     */
    long catchUp();
}
