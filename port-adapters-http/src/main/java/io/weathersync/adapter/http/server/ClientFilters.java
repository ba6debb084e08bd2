package io.weathersync.adapter.http.server;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.weathersync.adapter.http.client.PushAuth;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Seed 004's per-client protections, as routing filters ahead of every route: CORS for the allowed origins only
 * (a preflight from another origin is a 403; no origin allowed by default), and per-address rate limits on reads
 * (GET, HEAD) and on everything else (ingest, pushes, admin), answered 429 with {@code Retry-After}. Rate limits use
 * resilience4j's {@link RateLimiter}, one per address and kind in a bounded cache. The master's authenticated pushes
 * are not rate-limited: a flood from the master's address must not stop live replication.
 */
final class ClientFilters {

    private static final long MAX_CLIENTS = 50_000;
    private static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type";
    private static final String RECEIVE = "/api/dms/sync/receive";

    private final Set<String> origins;
    private final Optional<RateLimiterConfig> reads;
    private final Optional<RateLimiterConfig> writes;
    private final PushAuth push;
    private final Cache<String, RateLimiter> limiters = CacheBuilder.newBuilder()
            .maximumSize(MAX_CLIENTS).expireAfterAccess(Duration.ofMinutes(10)).build();

    private ClientFilters(Protections protections) {
        this.origins = Set.copyOf(protections.corsOrigins());
        this.reads = config(protections.readsPerSecond());
        this.writes = config(protections.writesPerSecond());
        this.push = protections.push();
    }

    /** Adds the CORS and rate-limit filters {@code protections} asks for to {@code routing}. */
    static void install(HttpRouting.Builder routing, Protections protections) {
        ClientFilters filters = new ClientFilters(protections);
        routing.addFilter(filters::filter);
    }

    private void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        boolean allowed = origin.isPresent() && origins.contains(origin.get());
        if (req.prologue().method() == Method.OPTIONS && origin.isPresent()
                && req.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD)) {
            preflight(res, origin.get(), allowed);
            return;
        }
        if (allowed) {
            res.headers().set(HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin.get()));
            res.headers().add(HeaderValues.create(HeaderNames.VARY, "Origin"));
        }
        boolean read = req.prologue().method() == Method.GET || req.prologue().method() == Method.HEAD;
        Optional<RateLimiterConfig> limit = read ? reads : writes;
        if (limit.isPresent() && !isMastersPush(req)
                && !limiter((read ? "read " : "write ") + req.remotePeer().host(), limit.get()).acquirePermission()) {
            throw new ApiException(Status.TOO_MANY_REQUESTS_429, "too many " + (read ? "reads" : "requests")
                    + " from this address; retry after 1 s").header(HeaderNames.RETRY_AFTER, "1");
        }
        chain.proceed();
    }

    private void preflight(RoutingResponse res, String origin, boolean allowed) {
        if (!allowed) {
            throw new ApiException(Status.FORBIDDEN_403, "CORS: origin " + ApiException.quote(origin)
                    + " is not allowed (CORS_ALLOWED_ORIGINS)");
        }
        res.headers().set(HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin));
        res.headers().set(HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS));
        res.headers().set(HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS));
        res.headers().set(HeaderValues.create(HeaderNames.ACCESS_CONTROL_MAX_AGE, "600"));
        res.headers().add(HeaderValues.create(HeaderNames.VARY, "Origin"));
        res.status(Status.NO_CONTENT_204).send();
    }

    /** A push whose MAC headers verify: the body is still checked by the route. */
    private boolean isMastersPush(RoutingRequest req) {
        return RECEIVE.equals(req.path().path()) && push.refuseHeaders("POST", RECEIVE,
                header(req, PushAuth.TIME_HEADER), header(req, PushAuth.BODY_HEADER),
                header(req, PushAuth.SIGNATURE_HEADER)).isEmpty();
    }

    private static Optional<String> header(RoutingRequest req, String name) {
        return req.headers().first(HeaderNames.create(name));
    }

    private RateLimiter limiter(String key, RateLimiterConfig config) {
        try {
            return limiters.get(key, () -> RateLimiter.of(key, config));
        } catch (ExecutionException e) {
            throw new IllegalStateException("creating a rate limiter cannot fail", e);
        }
    }

    private static Optional<RateLimiterConfig> config(int perSecond) {
        if (perSecond <= 0) {
            return Optional.empty();
        }
        return Optional.of(RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }
}
