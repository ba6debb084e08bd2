package io.weathersync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slave's catch-up rate so far, from its log: during a full resync the slave keeps serving the old generation
 * (applied_seq 0) and reports its progress only as {@code <local time> … catch-up: through seq N of M} lines.
 */
final class ResyncProgress {

    private static final Pattern LINE = Pattern.compile("^(\\S+) .*catch-up: through seq ([\\d,]+) of");

    private ResyncProgress() {
    }

    /** Changes/s from {@code launched} (local time, as the node logs) to the last progress line of {@code log}. */
    static double rate(Path log, LocalDateTime launched) throws IOException {
        List<String> lines = Files.readAllLines(log);
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = LINE.matcher(lines.get(i));
            if (m.find()) {
                long through = Long.parseLong(m.group(2).replace(",", ""));
                Duration took = Duration.between(launched, LocalDateTime.parse(m.group(1)));
                return through / (took.toNanos() / 1e9);
            }
        }
        throw new IllegalStateException("no 'catch-up: through seq' line in " + log + " by the cap");
    }
}
