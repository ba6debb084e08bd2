package io.weathersync.application.port.out;

/**
 * The master answered but refused this slave: its credentials are not (or no longer) valid, or its node is
 * disabled. Retrying with the same credentials cannot help; the message says what the operator should do.
 */
public class MasterRefusedException extends MasterUnavailableException {

    private static final long serialVersionUID = 1L;

    /** With the refusal and what to do about it. */
    public MasterRefusedException(String message) {
        super(message);
    }
}
