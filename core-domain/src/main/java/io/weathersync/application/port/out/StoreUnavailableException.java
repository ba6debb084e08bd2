package io.weathersync.application.port.out;

/**
 * A store could not complete a write within its bound (a lock wait that timed out, a stuck or failing write):
 * the caller fails the request at once instead of waiting; whether the write landed is unknown.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a reason and its cause. */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** With a reason. */
    public StoreUnavailableException(String message) {
        super(message);
    }
}
