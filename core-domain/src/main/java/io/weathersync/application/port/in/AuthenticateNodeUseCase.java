package io.weathersync.application.port.in;

import io.weathersync.domain.cluster.AuthResult;

/** Checks a node's {@code AK-SK key:secret}. */
public interface AuthenticateNodeUseCase {

    /** Authenticated with the node, or denied with a reason; takes the same time for an unknown key. */
    AuthResult authenticate(String apiKey, String apiSecret);
}
