package io.weathersync.adapter.http.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.application.port.in.QueryWeatherUseCase;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.HistoryPage;
import io.weathersync.domain.model.HistoryQuery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The read API every node serves from its own store (seed 000): latest, history, the digest, and on a slave
 * also {@code /api/weather/local}. History answers a JSON array (what seed 000's clients expect); when more
 * pages follow, the cursor is in {@code X-Next-Cursor} and the next page's URL in {@code Link: <…>; rel="next"}.
 */
final class WeatherRoutes implements HttpService {

    static final int DEFAULT_HISTORY_LIMIT = 100;

    private final QueryWeatherUseCase query;
    private final boolean local;

    private WeatherRoutes(QueryWeatherUseCase query, boolean local) {
        this.query = query;
        this.local = local;
    }

    /** The master's read routes. */
    static WeatherRoutes master(QueryWeatherUseCase query) {
        return new WeatherRoutes(query, false);
    }

    /** A slave's read routes: the master's plus {@code /api/weather/local}. */
    static WeatherRoutes replica(QueryWeatherUseCase query) {
        return new WeatherRoutes(query, true);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/weather/latest", this::latest);
        OnlyMethods.on(rules, "/api/weather/latest", "GET");
        if (local) {
            rules.get("/api/weather/local", this::latest);
            OnlyMethods.on(rules, "/api/weather/local", "GET");
        }
        rules.get("/api/weather/history", this::history);
        OnlyMethods.on(rules, "/api/weather/history", "GET");
        rules.get("/api/dms/digest", (req, res) -> Replies.ok(res, Shapes.digest(query.digest())));
        OnlyMethods.on(rules, "/api/dms/digest", "GET");
    }

    private void latest(ServerRequest req, ServerResponse res) {
        Optional<City> city = new QueryParams(req.query()).city("city");
        if (city.isEmpty()) {
            Replies.ok(res, Shapes.readings(query.latestAll()));
            return;
        }
        Replies.ok(res, Shapes.reading(query.latest(city.get()).orElseThrow(
                () -> ApiException.notFound("city: no readings for '" + city.get().name() + "'"))));
    }

    private void history(ServerRequest req, ServerResponse res) {
        QueryParams params = new QueryParams(req.query());
        City city = params.requiredCity("city");
        String startText = params.required("start");
        String endText = params.required("end");
        Instant start = Times.parseBound("start", startText, false);
        Instant end = Times.parseBound("end", endText, true);
        Times.requireEndNotBeforeStart("start", startText, "end", endText);
        int limit = params.wholeInt("limit", DEFAULT_HISTORY_LIMIT);
        Instant cursor = params.instant("cursor").orElse(null);
        HistoryQuery request = Validation.valid(() -> new HistoryQuery(city, start, end, cursor, limit));
        HistoryPage page = query.history(request);
        page.next().ifPresent(next -> {
            res.header(HeaderNames.create("X-Next-Cursor"), next.toString());
            res.header(HeaderNames.LINK, "<" + nextUrl(req.path().path(), request, next) + ">; rel=\"next\"");
        });
        Replies.ok(res, Shapes.readings(page.readings()));
    }

    private static String nextUrl(String path, HistoryQuery request, Instant next) {
        return path + "?city=" + encode(request.city().name()) + "&start=" + request.start() + "&end=" + request.end()
                + "&limit=" + request.limit() + "&cursor=" + next;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
