package io.weathersync.application.port.out;

import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;

import java.util.List;

/** What a {@link ChangeSubscriber} calls; implementations must return quickly (hand work to an executor). */
public interface ChangeListener {

    /** The live connection is (re)established: anything may have been missed before it. */
    void onConnected();

    /** Changes arrived, signatures unchecked. */
    void onChanges(List<SignedChange> changes);

    /** A message could not be read. */
    void onRejected(RejectedMessage rejection);
}
