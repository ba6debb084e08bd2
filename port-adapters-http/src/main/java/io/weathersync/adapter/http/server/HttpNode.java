package io.weathersync.adapter.http.server;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.weathersync.wire.ChangeJson;

import javax.net.ssl.SSLContext;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A running HTTP server of one node: Helidon 4 SE on virtual threads, request bodies limited to
 * {@link #MAX_BODY_BYTES} (413 beyond), transport-level errors answered in JSON.
 *
 * <p>Typical use by an app: {@code HttpNode.start(host, port, routing -> MasterApi.register(routing, deps))},
 * then {@link #port()} for the bound port (useful with port 0) and {@link #stop()} on shutdown. No JVM shutdown
 * hook is registered: the app decides when the server stops relative to its other resources.
 */
public final class HttpNode implements AutoCloseable {

    /** Largest request body accepted: the wire format's one message limit (1 MiB), so HTTP and Redis agree. */
    public static final long MAX_BODY_BYTES = ChangeJson.MAX_MESSAGE_BYTES;

    private final WebServer server;

    private HttpNode(WebServer server) {
        this.server = server;
    }

    /**
     * Binds {@code host:port} (0 = any free port) and serves the routes {@code routes} registers.
     *
     * @throws IllegalStateException when the address cannot be bound, with the {@link BindException} saying why
     *                               as its cause
     */
    public static HttpNode start(String host, int port, Consumer<HttpRouting.Builder> routes) {
        return start(host, port, ServerLimits.DEFAULTS, routes);
    }

    /**
     * Binds {@code host:port} (0 = any free port) and serves the routes {@code routes} registers within
     * {@code limits}.
     *
     * @throws IllegalStateException when the address cannot be bound, with the {@link BindException} saying why
     *                               as its cause
     */
    public static HttpNode start(String host, int port, ServerLimits limits, Consumer<HttpRouting.Builder> routes) {
        return start(host, port, limits, Optional.empty(), routes);
    }

    /**
     * As {@link #start(String, int, ServerLimits, Consumer)}, serving https with {@code tls} when present
     * ({@link io.weathersync.adapter.http.client.TlsFiles#server}).
     */
    public static HttpNode start(String host, int port, ServerLimits limits, Optional<SSLContext> tls,
                                 Consumer<HttpRouting.Builder> routes) {
        Objects.requireNonNull(routes, "routes");
        requireBindable(host, port);
        WebServerConfig.Builder builder = WebServer.builder();
        tls.ifPresent(context -> builder.tls(config -> config.sslContext(context)));
        WebServer server = builder
                .host(host)
                .port(port)
                .maxPayloadSize(MAX_BODY_BYTES)
                .maxTcpConnections(limits.maxConnections())
                .idleConnectionTimeout(limits.idleTimeout())
                .idleConnectionPeriod(limits.idleCheckPeriod())
                .connectionOptions(options -> options.readTimeout(limits.readTimeout()))
                // the only receive listener: Helidon 4.5 combines two or more into one that forwards no event
                .addProtocol(Http1Config.builder()
                        .addReceiveListener(new HeaderDeadline(limits.idleTimeout()))
                        .build())
                .directHandlers(ErrorReplies.directHandlers())
                .shutdownHook(false)
                .routing(routing -> {
                    Bodies.limit(routing, limits.bodyTimeout());
                    routes.accept(routing);
                })
                .build()
                .start();
        if (server.port() <= 0) {
            server.stop();
            throw new IllegalStateException("the web server could not listen on " + host + ":" + port
                    + " (address in use, or not an address of this machine?)",
                    new BindException("cannot bind " + host + ":" + port));
        }
        return new HttpNode(server);
    }

    /**
     * Fails at once, saying why, when {@code host:port} cannot be bound: Helidon would log the failed bind with a
     * stack trace and return a server without a port. The probe socket is closed before Helidon binds (with
     * SO_REUSEADDR, as Helidon does, so the closed probe does not hold the port). A node calls it first, before
     * it opens its store, so that a port in use leaves nothing behind; {@link #start} checks again. Port 0 always
     * passes.
     */
    public static void requireBindable(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e, e);
        }
    }

    /** The port actually bound. */
    public int port() {
        return server.port();
    }

    /** Whether the server is serving. */
    public boolean isRunning() {
        return server.isRunning();
    }

    /** Stops serving; in-flight requests are given Helidon's grace period. Idempotent. */
    public void stop() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
