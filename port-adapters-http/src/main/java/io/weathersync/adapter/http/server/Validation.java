package io.weathersync.adapter.http.server;

import java.util.function.Supplier;

/** Turns the core's validation failures (messages that name the field) into 400 answers. */
final class Validation {

    private Validation() {
    }

    /**
     * The value {@code build} makes; its {@link IllegalArgumentException} becomes a 400 with the same message.
     * Used only around constructors and use-case calls whose contract is to reject input that way, so that a
     * bug elsewhere still shows as a 500 rather than leaking its message as a client error.
     */
    static <T> T valid(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
