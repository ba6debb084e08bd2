package io.weathersync.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault matrix's results, one row per fault and topology, printed and written to
 * {@code target/e2e-results.md} (rewritten after every row, so a crash still leaves what ran).
 */
final class ResultsTable {

    /** One fault on one topology. */
    record Row(String fault, String topology, String converged, String sinceHeal, String changes, String lost,
               String bound, String result) {
    }

    private static final List<Row> ROWS = new ArrayList<>();
    private static final String HEADER = "| fault | topology | converged after last write | since heal "
            + "| changes written meanwhile | lost | bound | result |\n|---|---|---|---|---|---|---|---|\n";

    private ResultsTable() {
    }

    static synchronized void add(Row row) {
        ROWS.add(row);
        write();
    }

    static synchronized String render() {
        StringBuilder text = new StringBuilder(HEADER);
        for (Row row : ROWS) {
            text.append("| ").append(String.join(" | ", row.fault(), row.topology(), row.converged(), row.sinceHeal(),
                    row.changes(), row.lost(), row.bound(), row.result())).append(" |\n");
        }
        return text.toString();
    }

    static void print() {
        System.out.println("\n[e2e] fault matrix so far (also in " + file() + "):\n" + render());
    }

    private static void write() {
        try {
            Files.createDirectories(file().getParent());
            Files.writeString(file(), "# weather-sync end-to-end fault matrix\n\n" + render());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file() {
        return Path.of(System.getProperty("e2e.outputDir", "target")).resolve("e2e-results.md");
    }
}
