package io.weathersync.adapter.http.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;

/** Answers 405 (with {@code Allow}) for any other method on a path whose routes were registered before it. */
final class OnlyMethods {

    private OnlyMethods() {
    }

    /** Registers the 405 fallback of {@code path}; call after the path's real routes. */
    static void on(HttpRules rules, String path, String allowed) {
        rules.any(path, (req, res) -> {
            throw new ApiException(Status.METHOD_NOT_ALLOWED_405, "method: " + req.prologue().method().text()
                    + " is not allowed on " + req.path().path() + ", use " + allowed)
                    .header(HeaderNames.ALLOW, allowed);
        });
    }
}
