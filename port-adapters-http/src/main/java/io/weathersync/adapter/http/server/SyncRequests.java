package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.ServerRequest;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.ReadingRange;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the body of {@code POST /api/dms/slaves/{slave_name}/sync} (seed 001, with {@code city} for the seed's
 * {@code symbol}): {@code {"city","start_date","end_date"}}, all optional, and the whole body optional. No field
 * means no repair (only the gap is filled); a city alone means its whole history; dates alone mean every city in
 * that range. A date is a UTC day; as {@code end_date} it includes that day.
 */
final class SyncRequests {

    private static final Set<String> FIELDS = Set.of("city", "start_date", "end_date");

    private SyncRequests() {
    }

    /** The range to re-send, if any; a 400 naming the field for a wrong type, an unknown field or a bad date. */
    static Optional<ReadingRange> repair(ServerRequest req) {
        Optional<BodyFields> body = Bodies.optional(req).map(Bodies::object);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        BodyFields fields = body.get();
        fields.rejectUnknown(FIELDS);
        Optional<City> city = fields.string("city", 4 * City.MAX_LENGTH)
                .map(name -> Validation.valid(() -> new City(name)));
        Optional<String> startText = fields.string("start_date", 64);
        Optional<String> endText = fields.string("end_date", 64);
        Optional<Instant> start = startText.map(text -> Times.parseBound(fields.path("start_date"), text, false));
        Optional<Instant> end = endText.map(text -> Times.parseBound(fields.path("end_date"), text, true));
        if (startText.isPresent() && endText.isPresent()) {
            Times.requireEndNotBeforeStart(fields.path("start_date"), startText.get(), fields.path("end_date"),
                    endText.get());
        }
        if (city.isEmpty() && start.isEmpty() && end.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Validation.valid(() -> new ReadingRange(city.orElse(null),
                start.orElse(ReadingRange.ALL.start()), end.orElse(ReadingRange.ALL.end()))));
    }
}
