package io.weathersync.application.port.out;

/**
 * A master may not assign seqs: the lease's epoch is no longer the one it holds (another master took over while
 * it was paused or cut off), or it holds none. Nothing was written.
 */
public class FencedOffException extends StoreUnavailableException {

    /** With the reason, naming both epochs. */
    public FencedOffException(String message) {
        super(message);
    }
}
