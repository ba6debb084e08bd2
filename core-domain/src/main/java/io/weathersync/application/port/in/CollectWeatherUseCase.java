package io.weathersync.application.port.in;

/** One poll cycle of the master: fetch every configured city, store and broadcast what changed. */
public interface CollectWeatherUseCase {

    /** Runs one cycle; a failing city is reported, never fails the cycle. */
    CollectionReport collect();
}
