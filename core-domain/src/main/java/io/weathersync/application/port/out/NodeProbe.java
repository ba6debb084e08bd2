package io.weathersync.application.port.out;

import io.weathersync.domain.cluster.ProbeResult;

/** Calls a node's status endpoint with given credentials, for the registry's connection test. */
public interface NodeProbe {

    /** Probes {@code apiUrl}'s {@code /api/dms/status}; never throws for an unreachable node. */
    ProbeResult probe(String apiUrl, String apiKey, String apiSecret);
}
