package io.weathersync.application.port.out;

/** A push to a slave did not go through; the slave will still catch up by pulling. */
public class PushFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a reason. */
    public PushFailedException(String message) {
        super(message);
    }
}
