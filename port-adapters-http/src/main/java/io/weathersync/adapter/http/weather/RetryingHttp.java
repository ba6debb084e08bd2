package io.weathersync.adapter.http.weather;

import io.weathersync.adapter.http.client.HttpCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * GETs from a weather API with timeouts, retrying 429, 5xx and I/O errors with exponential backoff and jitter,
 * honouring {@code Retry-After}. A {@code Retry-After} longer than the longest backoff is not slept through:
 * calls fail at once until it has passed, so a rate-limited source costs nothing and asks nothing meanwhile.
 */
final class RetryingHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingHttp.class);

    private final HttpClient client;
    private final HttpSettings settings;
    private final Sleeper sleeper;
    private final Clock clock;
    private volatile Instant blockedUntil = Instant.MIN;

    RetryingHttp(HttpSettings settings, Sleeper sleeper, Clock clock) {
        this.client = HttpCalls.newClient(settings.connectTimeout());
        this.settings = settings;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * The body of a 2xx answer to GET {@code uri}.
     *
     * @param what names the call in messages (never the URI: it may hold an API key)
     * @throws CallFailed when every attempt failed, or at once on a 4xx other than 429 (with its body)
     */
    byte[] get(URI uri, String what) {
        HttpRequest request = HttpRequest.newBuilder(uri).GET()
                .header("Accept", "application/json")
                .timeout(settings.requestTimeout())
                .build();
        String lastError = "no attempt made";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Instant now = clock.instant();
            if (now.isBefore(blockedUntil)) {
                throw new CallFailed(what + ": rate limited by the server until " + blockedUntil);
            }
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<byte[]> response = HttpCalls.send(client, request, settings.requestTimeout());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return response.body();
                }
                if (status != 429 && status / 100 != 5) {
                    throw new CallFailed(what + ": HTTP " + status, status, response.body());
                }
                lastError = "HTTP " + status;
                retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After"), now);
            } catch (HttpConnectTimeoutException e) {
                lastError = "no connection within " + settings.connectTimeout().toMillis() + " ms";
            } catch (HttpTimeoutException e) {
                lastError = "no answer within " + settings.requestTimeout().toMillis() + " ms";
            } catch (IOException e) {
                lastError = "I/O error (" + HttpCalls.describe(e) + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallFailed(what + ": interrupted");
            }
            if (attempt == settings.maxAttempts()) {
                break;
            }
            Duration wait = backoff(attempt);
            if (retryAfter.isPresent()) {
                if (retryAfter.get().compareTo(settings.maxBackoff()) > 0) {
                    blockedUntil = now.plus(retryAfter.get());
                    throw new CallFailed(what + ": " + lastError + ", server asks to retry after "
                            + retryAfter.get().toSeconds() + " s; no calls until " + blockedUntil);
                }
                wait = retryAfter.get().compareTo(wait) > 0 ? retryAfter.get() : wait;
            }
            LOG.debug("{}: attempt {} failed ({}), retrying in {} ms", what, attempt, lastError, wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallFailed(what + ": interrupted");
            }
        }
        throw new CallFailed(what + ": " + lastError + " after " + settings.maxAttempts() + " attempt(s)");
    }

    /** Exponential, capped, with "equal jitter": between half and all of the step, so it never waits zero. */
    private Duration backoff(int attempt) {
        long step = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 30);
        step = Math.min(Math.max(step, 1), settings.maxBackoff().toMillis());
        return Duration.ofMillis(step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1));
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
