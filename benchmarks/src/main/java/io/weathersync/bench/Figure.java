package io.weathersync.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One measured figure: our runs, the raw limit's runs (same run of bin/bench), the target and a note.
 * A figure that could not be measured keeps empty runs and says why in {@code note}.
 */
final class Figure {

    /** How ours is held against the raw limit. */
    enum Target { RATIO_AT_LEAST, PLUS_AT_MOST, RATIO_AT_MOST, ABSOLUTE_AT_MOST, NONE }

    final String group;
    final String name;
    final String unit;
    final Target target;
    final double bound;
    final List<Double> ours = new ArrayList<>();
    final List<Double> raw = new ArrayList<>();
    String rawName = "";
    String note = "";

    Figure(String group, String name, String unit, Target target, double bound) {
        this.group = group;
        this.name = name;
        this.unit = unit;
        this.target = target;
        this.bound = bound;
    }

    boolean measured() {
        return !ours.isEmpty();
    }

    double ratio() {
        if (ours.isEmpty() || raw.isEmpty()) {
            return Double.NaN;
        }
        return Stats.median(ours) / Stats.median(raw);
    }

    String targetText() {
        return switch (target) {
            case RATIO_AT_LEAST -> "ratio >= " + bound;
            case RATIO_AT_MOST -> "ratio <= " + bound;
            case PLUS_AT_MOST -> "<= raw + " + fmt(bound) + " " + unit;
            case ABSOLUTE_AT_MOST -> "<= " + fmt(bound) + " " + unit;
            case NONE -> "-";
        };
    }

    /** "yes", "NO", or "-" when there is no target or not enough data. */
    String met() {
        if (!measured()) {
            return "-";
        }
        double ours = Stats.median(this.ours);
        boolean hasRaw = !raw.isEmpty();
        double raw = hasRaw ? Stats.median(this.raw) : Double.NaN;
        Boolean ok = switch (target) {
            case RATIO_AT_LEAST -> hasRaw ? ours / raw >= bound : null;
            case RATIO_AT_MOST -> hasRaw ? ours / raw <= bound : null;
            case PLUS_AT_MOST -> hasRaw ? ours <= raw + bound : null;
            case ABSOLUTE_AT_MOST -> ours <= bound;
            case NONE -> null;
        };
        return ok == null ? "-" : ok ? "yes" : "NO";
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 1000) {
            return String.format(java.util.Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(java.util.Locale.ROOT, "%.1f", v);
        }
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
