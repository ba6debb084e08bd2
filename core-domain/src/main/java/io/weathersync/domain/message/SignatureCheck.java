package io.weathersync.domain.message;

/** Decides whether a change received live really comes from the master. */
@FunctionalInterface
public interface SignatureCheck {

    /**
     * Accepts the change or rejects it.
     *
     * @throws RejectedMessage of kind BAD_SIGNATURE when it does not come from the master
     */
    void verify(SignedChange received);
}
