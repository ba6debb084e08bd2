package io.weathersync.domain.sync;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.SyncPush;
import io.weathersync.domain.model.WeatherReading;

import java.nio.charset.StandardCharsets;

/**
 * One exact text for a reading or a change, the same on every node and every platform:
 * what the digest hashes and what the master signs.
 */
public final class CanonicalForm {

    private CanonicalForm() {
    }

    /** The reading as {@code key|city|time-millis|temp|humidity|…|source}; absent fields are empty. */
    public static String of(WeatherReading r) {
        return String.join("|",
                r.city().key(),
                r.city().name(),
                Long.toString(r.observedAt().toEpochMilli()),
                Double.toString(r.temperature()),
                Double.toString(r.humidity()),
                text(r.pressure()),
                text(r.windSpeed()),
                text(r.windDirection()),
                text(r.precipitation()),
                r.weatherCode() == null ? "" : Integer.toString(r.weatherCode()),
                r.source());
    }

    /** The change as {@code v1|stream|seq|reading}: the bytes the master signs. */
    public static byte[] signedBytes(Change change) {
        return ("v1|" + change.stream().value() + "|" + change.seq() + "|" + of(change.reading()))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A pushed page as {@code push-v1|kind|stream|after|head|through} followed by each change's line. */
    public static byte[] signedBytes(SyncPush push) {
        ChangePage page = push.page();
        StringBuilder text = new StringBuilder("push-v1|").append(push.kind()).append('|')
                .append(page.stream().value()).append('|').append(push.after()).append('|')
                .append(page.head()).append('|').append(page.completeThrough());
        for (Change change : page.changes()) {
            text.append('\n').append(change.seq()).append('|').append(of(change.reading()));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Double value) {
        return value == null ? "" : Double.toString(value);
    }
}
