package io.weathersync.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Prints the table and writes results/latest.md and latest.json. */
final class Report {

    private Report() {
    }

    static String machine() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("");
        } catch (Exception e) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    static String table(List<Figure> figures) {
        StringBuilder b = new StringBuilder("| figure | ours min / median / max | raw limit median | ratio | target | met |\n"
                + "|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            if (!f.measured()) {
                b.append("| ").append(f.name).append(" | not measured | | | ").append(f.targetText())
                        .append(" | - |\n");
                continue;
            }
            b.append("| ").append(f.name).append(" (").append(f.unit).append(") | ")
                    .append(Figure.fmt(Stats.min(f.ours))).append(" / ").append(Figure.fmt(Stats.median(f.ours)))
                    .append(" / ").append(Figure.fmt(Stats.max(f.ours))).append(" | ")
                    .append(f.raw.isEmpty() ? "-" : Figure.fmt(Stats.median(f.raw))).append(" | ")
                    .append(f.raw.isEmpty() ? "-" : Figure.fmt(f.ratio())).append(" | ").append(f.targetText())
                    .append(" | ").append(f.met()).append(" |\n");
        }
        return b.toString();
    }

    /** Writes {@code name}.md and {@code name}.json in {@code dir}. */
    static void write(Path dir, String name, Settings s, List<Figure> figures, double seconds) throws Exception {
        Files.createDirectories(dir);
        String header = "machine: " + machine() + "  \nJDK: " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + "  \ndate: " + Instant.now() + "  \nmode: "
                + (s.quick() ? "--quick (reduced sizes: " + s.changes() + " changes, live " + s.liveSeconds()
                + " s)" : "full (issue sizes)") + (s.only().isEmpty() ? "" : ", only " + String.join(",", s.only()))
                + ", 3 runs per figure, total " + Math.round(seconds) + " s\n";
        StringBuilder notes = new StringBuilder();
        for (Figure f : figures) {
            if (!f.rawName.isEmpty() || !f.note.isEmpty()) {
                notes.append("- **").append(f.name).append("**: ").append(f.note.isEmpty() ? "" : f.note + ". ")
                        .append(f.rawName.isEmpty() ? "" : "Raw limit: " + f.rawName + ".").append('\n');
            }
        }
        Files.writeString(dir.resolve(name + ".md"), "# Benchmark results (bin/bench)\n\n" + header + "\n"
                + table(figures) + "\n## Method and notes\n\n" + notes);
        ObjectNode root = Api.JSON.createObjectNode();
        root.put("machine", machine()).put("jdk", System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version")).put("date", Instant.now().toString())
                .put("quick", s.quick()).put("seconds", Math.round(seconds));
        ArrayNode list = root.putArray("figures");
        for (Figure f : figures) {
            ObjectNode o = list.addObject().put("group", f.group).put("name", f.name).put("unit", f.unit)
                    .put("measured", f.measured()).put("target", f.targetText()).put("met", f.met())
                    .put("raw_limit", f.rawName).put("note", f.note);
            if (f.measured()) {
                o.putObject("ours").put("min", Stats.min(f.ours)).put("median", Stats.median(f.ours))
                        .put("max", Stats.max(f.ours));
                o.putPOJO("ours_runs", f.ours);
            }
            if (!f.raw.isEmpty()) {
                o.putObject("raw").put("min", Stats.min(f.raw)).put("median", Stats.median(f.raw))
                        .put("max", Stats.max(f.raw));
                o.putPOJO("raw_runs", f.raw);
                o.put("ratio", f.ratio());
            }
        }
        Files.writeString(dir.resolve(name + ".json"), Api.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(root) + "\n");
    }
}
