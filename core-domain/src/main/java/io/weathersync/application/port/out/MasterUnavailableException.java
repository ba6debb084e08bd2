package io.weathersync.application.port.out;

/** The master could not be reached, or refused the call; the slave backs off and tries again. */
public class MasterUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a reason and its cause. */
    public MasterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** With a reason. */
    public MasterUnavailableException(String message) {
        super(message);
    }
}
