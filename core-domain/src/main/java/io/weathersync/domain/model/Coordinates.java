package io.weathersync.domain.model;

/**
 * A point on Earth in decimal degrees (WGS 84).
 *
 * @param latitude  −90…90
 * @param longitude −180…180
 */
public record Coordinates(double latitude, double longitude) {

    /** Rejects points that are not on Earth; the message names the field and the bound. */
    public Coordinates {
        Bounds.check("latitude", latitude, -90, 90);
        Bounds.check("longitude", longitude, -180, 180);
    }
}
