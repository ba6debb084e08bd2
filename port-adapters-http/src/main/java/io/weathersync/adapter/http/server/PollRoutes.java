package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.weathersync.application.port.in.CollectionReport;
import io.weathersync.application.port.in.PollStatus;
import io.weathersync.application.port.in.ReportPollUseCase;

import java.util.Map;

/**
 * The master's {@code GET /api/dms/poll} (for the console's poll panel): {@code source}, {@code cities},
 * {@code interval_s}, {@code requests_per_day}, {@code free_tiers} ({@code requests} per {@code period_s}),
 * {@code within_free_tiers}, and {@code last_cycle} ({@code ended_at}, {@code took_ms}, {@code readings},
 * {@code changes}, {@code failed_cities}, {@code causes}), null before the first cycle ends.
 */
final class PollRoutes implements HttpService {

    static final String PATH = "/api/dms/poll";

    private final ReportPollUseCase poll;

    PollRoutes(ReportPollUseCase poll) {
        this.poll = poll;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, (req, res) -> Replies.ok(res, shape(poll.pollStatus())));
        OnlyMethods.on(rules, PATH, "GET");
    }

    private static Map<String, Object> shape(PollStatus status) {
        return Replies.object(
                "source", status.source(),
                "cities", status.cities(),
                "interval_s", status.interval().toSeconds(),
                "requests_per_day", status.requestsPerDay(),
                "free_tiers", status.freeTiers().stream()
                        .map(t -> Replies.object("requests", t.requests(), "period_s", t.period().toSeconds()))
                        .toList(),
                "within_free_tiers", status.withinFreeTiers(),
                "last_cycle", status.last().map(PollRoutes::cycle).orElse(null));
    }

    private static Map<String, Object> cycle(PollStatus.Cycle cycle) {
        CollectionReport report = cycle.report();
        return Replies.object(
                "ended_at", Shapes.iso(cycle.endedAt()),
                "took_ms", report.took().toMillis(),
                "readings", report.fetched(),
                "changes", report.result().changes(),
                "failed_cities", report.failures().size(),
                "causes", report.causes().stream()
                        .map(c -> Replies.object("cause", c.cause(), "cities", c.cities().size()))
                        .toList());
    }
}
