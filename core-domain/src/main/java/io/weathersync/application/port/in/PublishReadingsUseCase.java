package io.weathersync.application.port.in;

import io.weathersync.domain.model.WeatherReading;

import java.util.List;

/** Stores readings handed in by a client (seed 000's {@code POST /api/publish}) and broadcasts the changes. */
public interface PublishReadingsUseCase {

    /**
     * Validates every reading before storing any, then stores and broadcasts the changes.
     *
     * @throws IllegalArgumentException naming the first invalid reading and field; nothing is stored then
     */
    PublishResult publish(List<WeatherReading> readings);
}
