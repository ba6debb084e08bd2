package io.weathersync.application.port.in;

import io.weathersync.domain.cluster.ProbeResult;

/** Tests that a node answers at a URL with given credentials. */
public interface TestConnectionUseCase {

    /** Probes the node's status endpoint. */
    ProbeResult testConnection(String apiUrl, String apiKey, String apiSecret);
}
