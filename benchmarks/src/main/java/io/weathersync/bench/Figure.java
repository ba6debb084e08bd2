package io.weathersync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    /** Ours/raw per round when both were measured in the same round; its median is then the ratio. */
    final List<Double> pairs = new ArrayList<>();
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
        if (!pairs.isEmpty()) {
            return Stats.median(pairs);
        }
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

    /**
     * For a figure measured in pairs: the distribution-free 95 % confidence interval of the pairs' median, between
     * two order statistics (the k-th smallest and the k-th largest, k the largest with P(Binomial(n, 1/2) < k) <=
     * 2.5 %); empty below 6 pairs, where no such k exists.
     */
    Optional<double[]> pairsInterval() {
        int n = pairs.size();
        int k = 0;
        double below = 0;   // P(Binomial(n, 1/2) <= k - 1), growing with k
        double term = Math.pow(0.5, n);   // P(Binomial(n, 1/2) = k)
        while (below + term <= 0.025) {
            below += term;
            term = term * (n - k) / (k + 1);
            k++;
        }
        if (k == 0) {
            return Optional.empty();
        }
        double[] sorted = pairs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return Optional.of(new double[] {sorted[k - 1], sorted[n - k]});
    }

    /**
     * "yes", "NO", or "-" when there is no target or not enough data. A ratio measured in pairs is held to the bound
     * by its 95 % interval: "unclear" when the interval holds the bound, so noise is not read as a result.
     */
    String met() {
        if (!measured()) {
            return "-";
        }
        if (!pairs.isEmpty() && (target == Target.RATIO_AT_LEAST || target == Target.RATIO_AT_MOST)) {
            Optional<double[]> interval = pairsInterval();
            if (interval.isPresent()) {
                double low = interval.get()[0];
                double high = interval.get()[1];
                boolean atLeast = target == Target.RATIO_AT_LEAST;
                if (atLeast ? low >= bound : high <= bound) {
                    return "yes";
                }
                return (atLeast ? high < bound : low > bound) ? "NO" : "unclear";
            }
        }
        double ours = Stats.median(this.ours);
        boolean hasRaw = !raw.isEmpty();
        double raw = hasRaw ? Stats.median(this.raw) : Double.NaN;
        Boolean ok = switch (target) {
            case RATIO_AT_LEAST -> hasRaw ? ratio() >= bound : null;
            case RATIO_AT_MOST -> hasRaw ? ratio() <= bound : null;
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
