package io.weathersync.application.port.in;

import java.util.Optional;

/** One poll cycle of the master: fetch every configured city, store and broadcast what changed. */
public interface CollectWeatherUseCase {

    /** Runs one cycle; a failing city is reported, never fails the cycle. */
    CollectionReport collect();

    /** Why the last cycle stored nothing, when its source gave no reading for any city; empty otherwise. */
    Optional<String> problem();
}
