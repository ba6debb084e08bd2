package io.weathersync.adapter.http.server;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import io.weathersync.application.port.in.ReportPollUseCase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The web console (seed 001: the same pages on master and slave): plain HTML, CSS and JavaScript modules from this
 * jar at {@code /}, and the uPlot chart library from its WebJar at {@code /vendor/uplot/} (no CDN: it works
 * offline). The pages read only the nodes' JSON API; the master adds {@code GET /api/dms/poll} with
 * {@link #registerPoll}.
 */
public final class Console {

    /** Where the pages live on the class path. */
    static final String PAGES = "io/weathersync/adapter/http/console";
    private static final String PAGES_MOUNT = "/";
    private static final String UPLOT_MOUNT = "/vendor/uplot";
    private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    /**
     * The pages' policy: everything from this node only, no inline script or style, no eval, no framing, no
     * plugins. The pages are written for it (and tested under it in a real browser), so a stricter policy for
     * the whole server can come without changing them.
     */
    static final Header CONTENT_SECURITY_POLICY = HeaderValues.create(HeaderNames.create("Content-Security-Policy"),
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                    + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");

    private Console() {
    }

    /**
     * Registers the console's pages at {@code /}, served with {@link #CONTENT_SECURITY_POLICY}; call after the API
     * routes, which it must never shadow.
     */
    public static void register(HttpRouting.Builder routing) {
        routing.addFilter((chain, req, res) -> {
            if (!req.path().path().startsWith("/api/")) {
                res.headers().set(CONTENT_SECURITY_POLICY);
            }
            chain.proceed();
        });
        routing.register(UPLOT_MOUNT, StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location("META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist")
                .build()));
        routing.register(PAGES_MOUNT, StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location(PAGES)
                .welcome("index.html")
                .build()));
    }

    /**
     * Whether a request matched by {@code pattern} with {@code status} found no file of the console's: the pages
     * are mounted at {@code /}, which every path falls through to.
     */
    static boolean noSuchFile(String pattern, int status) {
        return status == 404 && (pattern.equals(PAGES_MOUNT) || pattern.equals(UPLOT_MOUNT));
    }

    /** Registers the master's {@code GET /api/dms/poll}: the poll schedule and its last cycle. */
    public static void registerPoll(HttpRouting.Builder routing, ReportPollUseCase poll) {
        routing.register(new PollRoutes(poll));
    }

    /** The WebJar's version, from its Maven metadata: the pages name no version, so an upgrade is one pom edit. */
    static String uplotVersion() {
        try (InputStream in = Console.class.getClassLoader().getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar is not on the class path (" + UPLOT_POM + ")");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + UPLOT_POM, e);
        }
    }
}
